"""The queue's search by whole words: a GIN index on the words of ``search_text`` (dots and hyphens read as
spaces, PostgreSQL's "simple" configuration: no stemming, no stop words). A name made of common words with one
rare word ("nguyen van 54321") is found in a few index pages, where the trigram index (0009) had to read the long
lists of "ngu", "uye"... The trigram index stays for parts of words (the middle of a code or a phone number)."""

from django.db import migrations

INDEX = (
    "CREATE INDEX IF NOT EXISTS record_search_words_gin ON records_record USING gin "
    "(to_tsvector('simple'::regconfig, translate(search_text, '.-', '  ')))"
)
# Not a partial index: PostgreSQL's planner reads the statistics of an indexed expression only from a non-partial
# index, and without them it takes "nguyen van" (every other record) for a rare match and reads the whole index.


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INDEX)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS record_search_words_gin")


class Migration(migrations.Migration):
    dependencies = [("records", "0009_queue_search")]

    operations = [migrations.RunPython(create_index, drop_index)]
