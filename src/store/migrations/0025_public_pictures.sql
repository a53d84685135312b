-- Pictures of published good news, for the group chats. A chat app fetches a message's picture
-- itself, without signing in to Laurel, so a picture sent to a chat gets an unguessable
-- public_token (32 random bytes, base64url) and is served at /api/v1/public/pictures/{token}.
-- The token is given when the first delivery carrying the picture is written (a draft's picture
-- is never public); pictures never sent to a chat have none.
--
-- chat_outbox.picture_id: the picture the news had when it was published (the message shows it
-- when server.public_url says where Laurel is reachable from outside).

ALTER TABLE pictures ADD COLUMN public_token TEXT;
CREATE UNIQUE INDEX pictures_by_public_token ON pictures (public_token);
ALTER TABLE chat_outbox ADD COLUMN picture_id INTEGER REFERENCES pictures (id);
