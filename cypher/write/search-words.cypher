// migrate: sets the searchWords of each of $nodes ({uid, words}).
UNWIND $nodes AS row
MATCH (n:Entity {uid: row.uid})
SET n.searchWords = row.words
