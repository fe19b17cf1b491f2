-- convostore on SQLite, schema version 7: the index from the full-text index's rowids to messages
-- also holds each message's owner and time, so that a search keeps the owner's matches and sorts
-- them by time from the index alone, and reads only the rows it returns (the commonest word's
-- matches were each read whole before). Search rowids stay unique as they are taken: one above
-- the largest, in the write transaction.
DROP INDEX messages_by_search_rowid;
CREATE INDEX messages_by_search_rowid ON messages (search_rowid, owner, created_at) WHERE search_rowid IS NOT NULL;
