-- convostore on PostgreSQL, schema version 2: a user's conversations can be listed by creation,
-- newest first, from an index that starts with the owner (as the listing by activity has). Appends
-- do not touch it: a conversation's creation time never changes.

CREATE INDEX conversations_by_owner_creation ON conversations (owner, created_at DESC, id DESC);
