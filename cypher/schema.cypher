// Constraints and indexes, applied idempotently by `npm run kg -- migrate` and at start.
// Statements are separated by semicolons at the end of a line.
CREATE CONSTRAINT entity_uid IF NOT EXISTS FOR (n:Entity) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT country_code IF NOT EXISTS FOR (n:Country) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT organization_slug IF NOT EXISTS FOR (n:Organization) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT model_slug IF NOT EXISTS FOR (n:Model) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT benchmark_slug IF NOT EXISTS FOR (n:Benchmark) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT indicator_slug IF NOT EXISTS FOR (n:Indicator) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT report_slug IF NOT EXISTS FOR (n:Report) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT source_slug IF NOT EXISTS FOR (n:Source) REQUIRE n.slug IS UNIQUE;
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);
CREATE INDEX model_release_date IF NOT EXISTS FOR (n:Model) ON (n.releaseDate);
// The candidates of a report's in-scope omissions when its scope has a model kind and no period.
CREATE INDEX model_kind IF NOT EXISTS FOR (n:Model) ON (n.modelKind);
CREATE INDEX observed_year IF NOT EXISTS FOR ()-[r:OBSERVED]-() ON (r.year);
// search_words replaced searchable_names (which replaced entity_names when indicators became
// searchable): an index's labels, properties and analyzer cannot be changed in place, and IF NOT
// EXISTS would keep the old one on a database migrated before. It indexes searchWords (the names'
// words as domain/search.ts tokenizes them) with the whitespace analyzer, so that Lucene's words
// are the domain's (its standard analyzer keeps "3.5" or "o'neil" as one word and splits ideographs).
DROP INDEX entity_names IF EXISTS;
DROP INDEX searchable_names IF EXISTS;
CREATE FULLTEXT INDEX search_words IF NOT EXISTS FOR (n:Country|Organization|Model|Benchmark|Indicator|Report) ON EACH [n.searchWords] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
CREATE CONSTRAINT dataset_slug IF NOT EXISTS FOR (n:Dataset) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT application_slug IF NOT EXISTS FOR (n:Application) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT unresolved_asset_slug IF NOT EXISTS FOR (n:UnresolvedAsset) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT hardware_slug IF NOT EXISTS FOR (n:Hardware) REQUIRE n.slug IS UNIQUE;
