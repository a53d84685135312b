-- Pictures for good news (the designed poster a manager attaches), kept in the database so that
-- a backup holds them and every Laurel node serves them. A picture is immutable and known by the
-- SHA-256 of its bytes: the same file uploaded twice is one picture. media_type, width and
-- height come from the bytes themselves (core/picture.hpp), never from what the upload said.

CREATE TABLE pictures (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  media_type TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/webp')),
  size INTEGER NOT NULL CHECK (size BETWEEN 1 AND 5242880),
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  content BLOB NOT NULL,
  uploaded_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL
);

ALTER TABLE good_news ADD COLUMN picture_id INTEGER REFERENCES pictures (id);
