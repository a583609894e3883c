/**
 * Schema migrations, applied in order and recorded in `PRAGMA user_version`.
 * Append only: never edit a migration that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('citizen','officer','operator','admin')),
    status TEXT NOT NULL CHECK (status IN ('pending','active','suspended','rejected')),
    name TEXT NOT NULL,
    phone TEXT UNIQUE,
    address TEXT,
    home_lat REAL,
    home_lng REAL,
    area_id TEXT,
    unit_id TEXT,
    show_name INTEGER NOT NULL DEFAULT 1,
    false_alarms INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE INDEX users_status ON users(status);

  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);

  CREATE TABLE alerts (
    id TEXT PRIMARY KEY,
    reporter_id TEXT NOT NULL REFERENCES users(id),
    type TEXT NOT NULL,
    created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    lat REAL, lng REAL, accuracy REAL,
    note TEXT NOT NULL,
    area_id TEXT,
    status TEXT NOT NULL,
    status_at TEXT NOT NULL,
    siren_requested INTEGER NOT NULL,
    flagged INTEGER NOT NULL,
    assigned_unit TEXT
  );
  CREATE INDEX alerts_reporter ON alerts(reporter_id, received_at);
  CREATE INDEX alerts_received ON alerts(received_at);

  CREATE TABLE alert_events (
    alert_id TEXT NOT NULL REFERENCES alerts(id),
    status TEXT NOT NULL,
    at TEXT NOT NULL,
    by TEXT NOT NULL
  );
  CREATE INDEX alert_events_alert ON alert_events(alert_id);

  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE,
    payload TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before INTEGER NOT NULL DEFAULT 0,
    done_at INTEGER
  );
  CREATE INDEX outbox_due ON outbox(done_at, not_before);

  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT NOT NULL
  );

  CREATE TABLE room_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    room TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX room_updates_room ON room_updates(room, seq);

  CREATE TABLE room_snapshots (
    room TEXT PRIMARY KEY,
    data BLOB NOT NULL,
    upto_seq INTEGER NOT NULL
  );
  `,
  // Web Push subscriptions and siren central units. A subscription is tied to the
  // session that posted it, so signing out (or being suspended) stops its pushes.
  `
  CREATE TABLE push_subscriptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL REFERENCES users(id),
    session_hash TEXT NOT NULL,
    endpoint TEXT NOT NULL UNIQUE,
    p256dh TEXT NOT NULL,
    auth TEXT NOT NULL,
    lang TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX push_subscriptions_user ON push_subscriptions(user_id);

  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    area_id TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
  `,
  // Neighbour requests, filed by residents in their room or by officers in their
  // unit's room, worked by operators in `ops`. Events keep every status change and reply.
  `
  CREATE TABLE requests (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL CHECK (source IN ('resident','officer')),
    reporter_id TEXT NOT NULL REFERENCES users(id),
    unit_id TEXT,
    category TEXT NOT NULL,
    description TEXT NOT NULL,
    lat REAL, lng REAL, accuracy REAL,
    area_id TEXT,
    created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    status TEXT NOT NULL,
    status_at TEXT NOT NULL,
    reply TEXT NOT NULL DEFAULT '',
    cancelled_at TEXT
  );
  CREATE INDEX requests_received ON requests(received_at);
  CREATE INDEX requests_reporter ON requests(reporter_id, received_at);

  CREATE TABLE request_events (
    request_id TEXT NOT NULL REFERENCES requests(id),
    status TEXT NOT NULL,
    reply TEXT NOT NULL,
    at TEXT NOT NULL,
    by TEXT NOT NULL
  );
  CREATE INDEX request_events_request ON request_events(request_id);
  `,
  // What patrol officers log (check-ins at plan points, neighbour conversations) and
  // each step a unit takes on a dispatched alert. Ids are the phones' UUIDs: stored once.
  `
  CREATE TABLE checkins (
    id TEXT PRIMARY KEY,
    unit_id TEXT NOT NULL,
    officer_id TEXT NOT NULL REFERENCES users(id),
    point TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('in','out')),
    at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    lat REAL, lng REAL, accuracy REAL,
    distance_m REAL,
    plan_key TEXT
  );
  CREATE INDEX checkins_unit ON checkins(unit_id, at);

  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    unit_id TEXT NOT NULL,
    officer_id TEXT NOT NULL REFERENCES users(id),
    at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    lat REAL, lng REAL, accuracy REAL,
    area_id TEXT,
    answers TEXT NOT NULL,
    note TEXT NOT NULL
  );
  CREATE INDEX conversations_unit ON conversations(unit_id, at);

  CREATE TABLE dispatch_events (
    alert_id TEXT NOT NULL REFERENCES alerts(id),
    unit_id TEXT NOT NULL,
    status TEXT NOT NULL,
    at TEXT NOT NULL,
    by TEXT NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (alert_id, status)
  );
  `,
  // The operator console. The escalation to 911 and the outcome on the alert, the
  // notes thread, and each alert's response times as a view over alert_events: the stamps
  // are stored once, so the times can never disagree with them.
  `
  ALTER TABLE alerts ADD COLUMN escalated_at TEXT;
  ALTER TABLE alerts ADD COLUMN escalated_by TEXT;
  ALTER TABLE alerts ADD COLUMN outcome TEXT;

  CREATE TABLE alert_notes (
    id TEXT PRIMARY KEY,
    alert_id TEXT NOT NULL REFERENCES alerts(id),
    text TEXT NOT NULL,
    at TEXT NOT NULL,
    by TEXT NOT NULL
  );
  CREATE INDEX alert_notes_alert ON alert_notes(alert_id, at);
  CREATE INDEX alert_events_stage ON alert_events(alert_id, status, at);
  CREATE INDEX audit_log_actor ON audit_log(actor_id, id);

  CREATE VIEW alert_response_times AS
  SELECT a.id AS alert_id, a.type, a.area_id, a.received_at,
    (SELECT min(e.at) FROM alert_events e
      WHERE e.alert_id = a.id AND e.status = 'acknowledged') AS acknowledged_at,
    (SELECT min(e.at) FROM alert_events e
      WHERE e.alert_id = a.id AND e.status = 'dispatched') AS dispatched_at,
    (SELECT min(e.at) FROM alert_events e
      WHERE e.alert_id = a.id AND e.status = 'on_scene') AS on_scene_at,
    (SELECT min(e.at) FROM alert_events e
      WHERE e.alert_id = a.id AND e.status IN ('resolved', 'false_alarm', 'cancelled')) AS closed_at,
    a.escalated_at
  FROM alerts a;
  `,
  // Sirens never wait behind pushes: the worker reads due rows sirens first, from this index
  // of undelivered rows only. `fold` groups one member's area pushes, so alerts raised while
  // the member's push still waits are folded into it (server/push/fan-out.ts).
  `
  ALTER TABLE outbox ADD COLUMN fold TEXT;
  CREATE INDEX outbox_pending ON outbox((kind <> 'siren'), id) WHERE done_at IS NULL;
  CREATE INDEX outbox_fold ON outbox(fold, id) WHERE fold IS NOT NULL;
  CREATE INDEX outbox_fold_pending ON outbox(fold) WHERE done_at IS NULL AND fold IS NOT NULL;
  `,
  // An alert's push audiences are read inside its commit: members of an area, on-duty staff,
  // a unit's officers. With only `users(status)` each read walked every active user (~4.8 ms
  // for an area at city scale, bench); these answer with the audience's own rows. Each
  // index has more equality terms than `users_status` for its query, so SQLite picks it
  // without statistics.
  `
  DROP INDEX users_status;
  CREATE INDEX users_status ON users(status, role);
  CREATE INDEX users_area ON users(area_id, role, status);
  CREATE INDEX users_unit ON users(unit_id, role, status);
  `,
  // A phone may be on more than one account: registration never says a phone is taken (that
  // would tell anyone whether a person uses SAC); the approving operator sees duplicates.
  // SQLite cannot drop a UNIQUE constraint, so the table is rebuilt (foreign keys are off
  // while migrations run, and checked before each commits: see migrate()).
  `
  CREATE TABLE users_next (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('citizen','officer','operator','admin')),
    status TEXT NOT NULL CHECK (status IN ('pending','active','suspended','rejected')),
    name TEXT NOT NULL,
    phone TEXT,
    address TEXT,
    home_lat REAL,
    home_lng REAL,
    area_id TEXT,
    unit_id TEXT,
    show_name INTEGER NOT NULL DEFAULT 1,
    false_alarms INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  INSERT INTO users_next (id, username, password_hash, role, status, name, phone, address,
    home_lat, home_lng, area_id, unit_id, show_name, false_alarms, created_at)
  SELECT id, username, password_hash, role, status, name, phone, address,
    home_lat, home_lng, area_id, unit_id, show_name, false_alarms, created_at FROM users;
  DROP TABLE users;
  ALTER TABLE users_next RENAME TO users;
  CREATE INDEX users_status ON users(status, role);
  CREATE INDEX users_area ON users(area_id, role, status);
  CREATE INDEX users_unit ON users(unit_id, role, status);
  CREATE INDEX users_phone ON users(phone);
  `,
  // The per-resident threshold said plainly: an operator may release an alert it held back
  // (its sirens and neighbour pushes go out then, audited). Siren commands that expired before
  // their unit acknowledged them are kept, so the operator sees which units stayed quiet.
  `
  ALTER TABLE alerts ADD COLUMN released_at TEXT;
  ALTER TABLE alerts ADD COLUMN released_by TEXT;

  CREATE TABLE siren_misses (
    id INTEGER PRIMARY KEY,
    siren_id TEXT NOT NULL,
    cmd TEXT NOT NULL,
    alert_id TEXT,
    expired_at TEXT NOT NULL
  );
  CREATE INDEX siren_misses_at ON siren_misses(expired_at);
  `,
  // The console's history: a day range, then a type, an area or a status within it; the
  // residents' directory in name order.
  `
  CREATE INDEX alerts_type_received ON alerts(type, received_at);
  CREATE INDEX alerts_area_received ON alerts(area_id, received_at);
  CREATE INDEX alerts_status_received ON alerts(status, received_at);
  CREATE INDEX users_role_name ON users(role, name COLLATE NOCASE);
  `,
  // What residents change after registering. A new home waits for an operator in its own
  // table, so the approved one (area, alerts-at-home, sirens) stays in force meanwhile. A
  // password reset code is kept only as a hash, one per user. `approved_notice`: the
  // resident is told of their approval once, on their next sign-in.
  `
  CREATE TABLE home_changes (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    address TEXT NOT NULL,
    home_lat REAL NOT NULL,
    home_lng REAL NOT NULL,
    area_id TEXT NOT NULL,
    requested_at TEXT NOT NULL
  );
  CREATE TABLE reset_codes (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    code_hash TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    issued_at TEXT NOT NULL
  );
  ALTER TABLE users ADD COLUMN approved_notice INTEGER NOT NULL DEFAULT 0;
  `,
  // One photo per neighbour request. The bytes are files in DATA_DIR/photos (owner-only), not
  // BLOBs: the database is on every alert's commit path (WAL, synchronous=FULL) and megabytes of
  // pictures would grow its WAL and checkpoints. Published: shown beyond reporter and staff.
  `
  CREATE TABLE request_photos (
    request_id TEXT PRIMARY KEY REFERENCES requests(id),
    type TEXT NOT NULL CHECK (type IN ('image/jpeg','image/png','image/webp')),
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    uploaded_by TEXT NOT NULL REFERENCES users(id),
    published_at TEXT,
    published_by TEXT REFERENCES users(id)
  );
  `,
  // The observatory's analysts: a staff role that reads aggregates only. The role is a CHECK
  // constraint, which SQLite cannot alter: the table is rebuilt as for the phone above.
  `
  CREATE TABLE users_next (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('citizen','officer','operator','analyst','admin')),
    status TEXT NOT NULL CHECK (status IN ('pending','active','suspended','rejected')),
    name TEXT NOT NULL,
    phone TEXT,
    address TEXT,
    home_lat REAL,
    home_lng REAL,
    area_id TEXT,
    unit_id TEXT,
    show_name INTEGER NOT NULL DEFAULT 1,
    false_alarms INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    approved_notice INTEGER NOT NULL DEFAULT 0
  );
  INSERT INTO users_next (id, username, password_hash, role, status, name, phone, address,
    home_lat, home_lng, area_id, unit_id, show_name, false_alarms, created_at, approved_notice)
  SELECT id, username, password_hash, role, status, name, phone, address,
    home_lat, home_lng, area_id, unit_id, show_name, false_alarms, created_at, approved_notice
  FROM users;
  DROP TABLE users;
  ALTER TABLE users_next RENAME TO users;
  CREATE INDEX users_status ON users(status, role);
  CREATE INDEX users_area ON users(area_id, role, status);
  CREATE INDEX users_unit ON users(unit_id, role, status);
  CREATE INDEX users_phone ON users(phone);
  CREATE INDEX users_role_name ON users(role, name COLLATE NOCASE);
  `,
  // The observatory's evaluation: every shift plan as it was issued or edited (the unit's
  // room keeps only the last two days), the randomised trials of the plan generator, and
  // other sources' records imported by analysts with their provenance.
  `
  CREATE TABLE plan_log (
    plan_key TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    shift TEXT NOT NULL,
    start TEXT NOT NULL,
    end TEXT NOT NULL,
    points TEXT NOT NULL,
    visits TEXT NOT NULL,
    source TEXT NOT NULL,
    edited_by TEXT,
    generated_at TEXT NOT NULL,
    trial_id TEXT,
    PRIMARY KEY (plan_key, unit_id)
  );
  CREATE INDEX plan_log_start ON plan_log(start);

  CREATE TABLE trials (
    id TEXT PRIMARY KEY,
    seed INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    started_by TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ended_at TEXT,
    ended_by TEXT,
    cells TEXT NOT NULL
  );

  CREATE TABLE imported_sources (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    provider TEXT NOT NULL,
    licence TEXT NOT NULL,
    from_day TEXT NOT NULL,
    to_day TEXT NOT NULL,
    precision TEXT NOT NULL CHECK (precision IN ('exact','block','area')),
    kind TEXT NOT NULL CHECK (kind IN ('incidents','context')),
    format TEXT NOT NULL CHECK (format IN ('csv','geojson')),
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    records INTEGER NOT NULL
  );

  CREATE TABLE imported_records (
    source_id TEXT NOT NULL REFERENCES imported_sources(id) ON DELETE CASCADE,
    line INTEGER NOT NULL,
    at TEXT,
    lat REAL NOT NULL,
    lng REAL NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    area_id TEXT
  );
  CREATE INDEX imported_records_source ON imported_records(source_id);
  `,
  // Open data: the keys an admin issues to other systems (Open311 clients filing requests,
  // civil protection polling the CAP feed). Only each key's SHA-256 is kept.
  `
  CREATE TABLE api_clients (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    scopes TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    key_prefix TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    revoked_at TEXT,
    revoked_by TEXT REFERENCES users(id),
    last_used_at TEXT
  );
  `,
  // Open311: requests another system files (the city's 311 tool) with an API key. Such a
  // request has no SAC user behind it, so the reporter becomes optional and the client that
  // filed it is kept instead; the CHECKs keep exactly one of the two per source. SQLite cannot
  // alter a CHECK, so the table is rebuilt as the users table was. The contact details a
  // client sends (its citizen's name, email, phone) live apart, read by staff only.
  `
  CREATE TABLE requests_next (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL CHECK (source IN ('resident','officer','open311')),
    reporter_id TEXT REFERENCES users(id),
    client_id TEXT REFERENCES api_clients(id),
    unit_id TEXT,
    category TEXT NOT NULL,
    description TEXT NOT NULL,
    lat REAL, lng REAL, accuracy REAL,
    area_id TEXT,
    created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    status TEXT NOT NULL,
    status_at TEXT NOT NULL,
    reply TEXT NOT NULL DEFAULT '',
    cancelled_at TEXT,
    CHECK ((source = 'open311') = (client_id IS NOT NULL)),
    CHECK ((source = 'open311') = (reporter_id IS NULL))
  );
  INSERT INTO requests_next (id, source, reporter_id, unit_id, category, description, lat, lng,
    accuracy, area_id, created_at, received_at, status, status_at, reply, cancelled_at)
  SELECT id, source, reporter_id, unit_id, category, description, lat, lng,
    accuracy, area_id, created_at, received_at, status, status_at, reply, cancelled_at
  FROM requests;
  DROP TABLE requests;
  ALTER TABLE requests_next RENAME TO requests;
  CREATE INDEX requests_received ON requests(received_at);
  CREATE INDEX requests_reporter ON requests(reporter_id, received_at);

  CREATE TABLE request_contacts (
    request_id TEXT PRIMARY KEY REFERENCES requests(id),
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT ''
  );
  `,
  // Exports stream check-ins and conversations of the whole city in time order: with these
  // the rows come off the index as they are sent, instead of a sort of the year first.
  `
  CREATE INDEX checkins_at ON checkins(at);
  CREATE INDEX conversations_at ON conversations(at);
  `,
];
