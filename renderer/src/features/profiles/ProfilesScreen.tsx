import { useTranslation } from 'react-i18next';
import { useMay } from '../faces/useMay';
import { LockTimeCard } from './LockTimeCard';
import { OwnPasswordCard } from './OwnPasswordCard';
import { ProfileList } from './ProfileList';
import './profiles-texts';
import './profiles.css';

/** Profiles and passwords: the admin manages everyone's; everyone changes their own and sees the lock time. */
export function ProfilesScreen() {
  const { t } = useTranslation();
  const canManage = useMay('users');
  return (
    <div className="profiles-screen">
      <div className="screen-header">
        <h1>{t('profiles.title')}</h1>
      </div>
      <p className="muted">{t('profiles.lead')}</p>
      {canManage && <ProfileList />}
      <div className="profiles-columns">
        <OwnPasswordCard />
        <LockTimeCard />
      </div>
    </div>
  );
}
