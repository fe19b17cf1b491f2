-- convostore on PostgreSQL, schema version 5: the index of a user's messages by time keys the owner
-- and the time only. It also keyed the conversation and the sequence, so that its order was the
-- reads' whole order; messages rarely share a time, and an incremental sort orders those that do
-- (a read still stops after its limit), for 24 bytes less an entry. It is ascending (the reads scan
-- it backwards), so that the entries of a user's appends go to the end of the user's range.
DROP INDEX messages_by_owner_time;
CREATE INDEX messages_by_owner_time ON messages (owner, created_at);
