/**
 * Profiles, their roles and (for management) their schools. The first start's admin profile comes with it, without
 * a password: until someone sets one the library is single-user and nobody signs in.
 */
export const sql = `
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  -- "scrypt$N$r$p$salt$key" (base64), or NULL while the profile has no password.
  password_hash TEXT,
  password_set_at TEXT,
  created_at TEXT NOT NULL,
  -- Failed sign-ins in a row: stored, so the delay also holds across command-line calls and restarts.
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  last_failed_at TEXT
);

CREATE TABLE user_roles (
  user_id INTEGER NOT NULL REFERENCES users(id),
  role TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'management', 'board', 'auditor')),
  PRIMARY KEY (user_id, role)
) WITHOUT ROWID;

CREATE TABLE user_schools (
  user_id INTEGER NOT NULL REFERENCES users(id),
  school_id INTEGER NOT NULL REFERENCES schools(id),
  PRIMARY KEY (user_id, school_id)
) WITHOUT ROWID;

INSERT INTO users (id, name, created_at) VALUES (1, 'admin', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
INSERT INTO user_roles (user_id, role) VALUES (1, 'admin');
`;
