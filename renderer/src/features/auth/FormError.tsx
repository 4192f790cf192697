import { Icon } from '../../components/Icon';

/** A sign-in or password problem in the core's own words ("The profile name or password is not right."). */
export function FormError({ message }: { message: string }) {
  return (
    <div className="notice notice-error" role="alert">
      <Icon name="alert" />
      <p>{message}</p>
    </div>
  );
}
