"""The tables of the index, all of them, in one place.

The index is built in two halves (see `condlookup.index.build`): the catalogue's tables are
filled from the outside data alone, then the pages' rows are added to a copy of them. Both
halves write the same tables, defined here; every row is inserted by column name.

Terms and conditions are stored with integer keys (HP:0001251 is 1251) so that the tables
`match` and `search` read stay small. Pages take rowids 1, 2, ... in list order; the
catalogue's conditions start at CATALOGUE_ROWIDS, so that the catalogue half can be built
before anyone knows how many pages there are, and the pages still come first.
"""

import sqlite3

CATALOGUE_ROWIDS = 1_000_000
# The tables whose rows say something of one condition (in their `condition` column) and go
# with it, as they are, when a page takes the condition over.
TAKEN_WITH_CONDITION = ("annotations", "facts", "definitions", "gene_conditions")

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE conditions (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    summary TEXT NOT NULL,
    -- whose facts a catalogue condition's summary (condlookup's own sentence) says: Orphanet,
    -- HPO, Mondo; '' for a page's own summary
    summary_from TEXT NOT NULL DEFAULT '',
    aliases TEXT NOT NULL,
    specialists TEXT NOT NULL,
    -- why each specialist is named, in the same order ("Orphanet classifies it as ...")
    because TEXT NOT NULL DEFAULT '',
    codes TEXT NOT NULL
);
-- The pages themselves, apart: `list` and `search` scan the narrow rows above.
CREATE TABLE page_data (rowid INTEGER PRIMARY KEY, data TEXT NOT NULL);
-- The keys that find each condition, with how exactly (text.OWN_NAME ... text.DERIVED).
CREATE TABLE names (key TEXT NOT NULL, rowid INTEGER NOT NULL, tier INTEGER NOT NULL);
CREATE INDEX names_key ON names (key);
-- A page that takes over a catalogue condition takes its names: found by condition.
CREATE INDEX names_condition ON names (rowid);
CREATE VIRTUAL TABLE search USING fts5(
    names, symptoms, body, tokenize = "unicode61 remove_diacritics 2"
);
CREATE TABLE terms (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    definition TEXT,
    layperson TEXT NOT NULL,
    category INTEGER,
    diseases INTEGER NOT NULL DEFAULT 0,
    -- how many conditions record the term itself (not only a narrower one), for the findings
    -- recorded together (matching.together)
    annotated INTEGER NOT NULL DEFAULT 0,
    obsolete INTEGER NOT NULL,
    replaced_by INTEGER
);
CREATE TABLE term_alias (alias INTEGER PRIMARY KEY, id INTEGER NOT NULL);
CREATE TABLE closure (
    ancestor INTEGER NOT NULL, descendant INTEGER NOT NULL, distance INTEGER NOT NULL,
    PRIMARY KEY (ancestor, descendant)
) WITHOUT ROWID;
CREATE INDEX closure_up ON closure (descendant, ancestor);
CREATE VIRTUAL TABLE term_search USING fts5(
    name, term UNINDEXED, tokenize = "unicode61 remove_diacritics 2"
);
-- What plain words may stand for (see matching.symptoms): the HPO's names and synonyms, the
-- pages' symptom names and descriptions, the HPO's definitions; `text` is the words as
-- symptoms.plain_words gives them (the stemmer folds the rest), `shown` the text as written.
CREATE VIRTUAL TABLE phrases USING fts5(
    text, shown UNINDEXED, term UNINDEXED, source UNINDEXED, words UNINDEXED,
    tokenize = "porter unicode61 remove_diacritics 2"
);
CREATE TABLE annotations (
    condition INTEGER NOT NULL,
    term INTEGER NOT NULL,
    aspect TEXT NOT NULL,
    frequency REAL,
    frequency_text TEXT,
    onset INTEGER,
    origin TEXT NOT NULL
);
-- By condition; with the aspect and term, it alone answers which terms a set of conditions
-- records (matching.together).
CREATE INDEX annotations_condition ON annotations (condition, aspect, term);
-- A condition's terms with all their ancestors, for each of its descriptions (a catalogue
-- entry, or a curated page's own symptom list): the table search and match read.
CREATE TABLE propagated (
    term INTEGER NOT NULL, condition INTEGER NOT NULL, description INTEGER NOT NULL,
    frequency REAL NOT NULL, exact INTEGER NOT NULL, fraction REAL NOT NULL,
    PRIMARY KEY (term, condition, description)
) WITHOUT ROWID;
-- `size` is how many phenotype terms the description has (the prior of `match`).
CREATE TABLE descriptions (
    condition INTEGER NOT NULL, description INTEGER NOT NULL, origin TEXT NOT NULL,
    size INTEGER NOT NULL,
    PRIMARY KEY (condition, description)
) WITHOUT ROWID;
-- Families: what a condition is a kind of (broader) and which kinds it has (narrower).
CREATE TABLE relations (
    broader INTEGER NOT NULL, narrower INTEGER NOT NULL, PRIMARY KEY (broader, narrower)
) WITHOUT ROWID;
CREATE INDEX relations_up ON relations (narrower, broader);
-- A family without annotations of its own: how many annotated types it has, and the features
-- they share.
CREATE TABLE families (condition INTEGER PRIMARY KEY, types INTEGER NOT NULL);
CREATE TABLE shared (
    condition INTEGER NOT NULL, term INTEGER NOT NULL, types INTEGER NOT NULL,
    PRIMARY KEY (condition, term)
) WITHOUT ROWID;
-- What other sources than the HPO say of a condition (Orphanet's facts): each fact's kind
-- (see catalogue.facts), its value, a detail (a prevalence's kind and area, a gene's
-- association), a code (a gene's HGNC id, a head's ORPHA code), the code of the entry it
-- comes from (ORPHA:558), which names its source, and the subtype it is true of, if only one.
CREATE TABLE facts (
    condition INTEGER NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, detail TEXT NOT NULL,
    code TEXT NOT NULL, origin TEXT NOT NULL, part TEXT NOT NULL
);
CREATE INDEX facts_condition ON facts (condition);
-- Every code of a catalogue condition (its Mondo id, its Orphanet and OMIM codes, its HPO
-- entries): the page that names one takes that condition over.
CREATE TABLE codes (code TEXT PRIMARY KEY, condition INTEGER NOT NULL) WITHOUT ROWID;
-- Genes (see catalogue.genes): each once, by symbol, with Orphanet's HGNC id and name and the
-- HPO's NCBI Gene id where they give them; the keys that find one (its symbol upper-cased,
-- "HGNC:3603", "NCBIGene:2200"); and the conditions each is tied to: how (disease-causing,
-- susceptibility factor, ..., or "associated"), by whose word, for which subtype ('' the whole).
CREATE TABLE genes (
    rowid INTEGER PRIMARY KEY, symbol TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    hgnc TEXT NOT NULL, ncbi TEXT NOT NULL
);
CREATE TABLE gene_keys (key TEXT PRIMARY KEY, gene INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE gene_conditions (
    gene INTEGER NOT NULL, condition INTEGER NOT NULL, involvement TEXT NOT NULL,
    source TEXT NOT NULL, part TEXT NOT NULL
);
CREATE INDEX gene_conditions_gene ON gene_conditions (gene);
CREATE INDEX gene_conditions_condition ON gene_conditions (condition);
-- Definitions written by others, which `condlookup update` fetched (see sources.definitions):
-- each with the code of the entry it defines (ORPHA:558, DOID:14323), which names its source.
CREATE TABLE definitions (
    condition INTEGER NOT NULL, origin TEXT NOT NULL, code TEXT NOT NULL, text TEXT NOT NULL
);
CREATE INDEX definitions_condition ON definitions (condition);
-- The Disease Ontology's diseases that the catalogue lacks (migraine, asthma): a short page
-- each, found by their names (`common_names`, keyed as `names` is) only when no condition is.
CREATE TABLE common (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL,
    codes TEXT NOT NULL,
    kind_of TEXT NOT NULL,
    specialists TEXT NOT NULL,
    because TEXT NOT NULL,
    definition TEXT NOT NULL
);
CREATE TABLE common_names (key TEXT NOT NULL, rowid INTEGER NOT NULL, tier INTEGER NOT NULL);
CREATE INDEX common_names_key ON common_names (key);
"""


def create(connection: sqlite3.Connection) -> None:
    """The tables of an empty index."""
    connection.executescript(SCHEMA)
