import i18n from 'i18next';
// The app's translations must exist first: init replaces whatever was added before it.
import '../../i18n';

/** Texts of sign-in, lock and passwords; kept with the feature and added to the app's translations on load. */
const en = {
  signIn: {
    title: 'Sign in to ClearFrame',
    lead: 'This library holds personal data of pupils and staff. Sign in with your profile.',
    name: 'Profile name',
    password: 'Password',
    submit: 'Sign in',
    busy: 'Checking…',
    lockedTitle: 'ClearFrame is locked',
    locked: 'Nobody used ClearFrame for {{minutes}} minutes, so it locked itself. Enter the password of {{name}} to go on.',
    otherProfile: 'Sign in with another profile',
  },
  password: {
    firstTitle: 'Set the admin password',
    firstLead:
      'ClearFrame keeps consent records and photos of pupils. Protect them with a password for the admin profile: from then on everyone signs in with a profile, and ClearFrame locks itself after {{minutes}} minutes without use.',
    setTitle: 'Set a password',
    setLead: 'Once the admin profile has a password, everyone signs in, and ClearFrame locks itself after {{minutes}} minutes without use.',
    new: 'New password',
    newHint: 'At least 8 characters. A sentence is easy to remember and hard to guess.',
    again: 'Type it again',
    mismatch: 'The two passwords are not the same.',
    tooShort: 'Use at least 8 characters.',
    save: 'Set password',
    later: 'Later',
    laterHint: 'Without a password, anyone who can use this computer account can open the library.',
  },
  account: {
    menu: 'Profile',
    noPassword: 'No password',
    setPassword: 'Set a password…',
    lock: 'Lock',
    signOut: 'Sign out',
    roles: { admin: 'admin', staff: 'staff', management: 'management', board: 'board', auditor: 'auditor' },
  },
};

const nl: typeof en = {
  signIn: {
    title: 'Inloggen bij ClearFrame',
    lead: 'Deze mediatheek bevat persoonsgegevens van leerlingen en personeel. Log in met je profiel.',
    name: 'Profielnaam',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    busy: 'Controleren…',
    lockedTitle: 'ClearFrame is vergrendeld',
    locked: 'ClearFrame is {{minutes}} minuten niet gebruikt en heeft zichzelf vergrendeld. Vul het wachtwoord van {{name}} in om verder te gaan.',
    otherProfile: 'Inloggen met een ander profiel',
  },
  password: {
    firstTitle: 'Stel het beheerderswachtwoord in',
    firstLead:
      'ClearFrame bewaart toestemmingen en foto’s van leerlingen. Bescherm ze met een wachtwoord voor het beheerdersprofiel: daarna logt iedereen in met een profiel, en ClearFrame vergrendelt zichzelf na {{minutes}} minuten zonder gebruik.',
    setTitle: 'Wachtwoord instellen',
    setLead: 'Zodra het beheerdersprofiel een wachtwoord heeft, logt iedereen in, en ClearFrame vergrendelt zichzelf na {{minutes}} minuten zonder gebruik.',
    new: 'Nieuw wachtwoord',
    newHint: 'Minstens 8 tekens. Een zin is makkelijk te onthouden en moeilijk te raden.',
    again: 'Nog een keer',
    mismatch: 'De twee wachtwoorden zijn niet gelijk.',
    tooShort: 'Gebruik minstens 8 tekens.',
    save: 'Wachtwoord instellen',
    later: 'Later',
    laterHint: 'Zonder wachtwoord kan iedereen die dit computeraccount gebruikt de mediatheek openen.',
  },
  account: {
    menu: 'Profiel',
    noPassword: 'Geen wachtwoord',
    setPassword: 'Wachtwoord instellen…',
    lock: 'Vergrendelen',
    signOut: 'Uitloggen',
    roles: { admin: 'beheerder', staff: 'medewerker', management: 'directie', board: 'bestuur', auditor: 'controleur' },
  },
};

i18n.addResourceBundle('en', 'translation', { auth: en }, true, false);
i18n.addResourceBundle('nl', 'translation', { auth: nl }, true, false);
