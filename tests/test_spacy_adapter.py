"""The spaCy pipeline: build, save, load (also in a fresh interpreter), serialise, draw."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from spacy.tokens import Doc, DocBin

from directive_extract import extract, spacy_adapter

SEED = Path(__file__).parent.parent / "corpora" / "seeds" / "002_a18aad05f724dc5f.txt"
SENTENCE = "Thủ tướng giao Bộ Y tế chủ trì, phối hợp với Bộ Tài chính rà soát quy định."

#: Run by a new interpreter: spacy.load alone, then a DocBin and a to_bytes round trip.
FRESH_SCRIPT = textwrap.dedent(
    """
    import json, sys
    import spacy
    from spacy.tokens import Doc, DocBin

    imported_before = sorted(m for m in sys.modules if m.startswith("directive_extract"))
    nlp = spacy.load(sys.argv[1])
    doc = nlp(open(sys.argv[2], encoding="utf-8").read())

    def summary(doc):
        return {
            "directives": [
                [s.text, s.label_, s.id_, s._.lead, s._.support, s._.report_to, s._.deadline,
                 s._.targets]
                for s in doc.spans["directives"]
            ],
            "ents": [[e.start_char, e.end_char, e.label_, e.kb_id_] for e in doc.ents],
            "deadlines": [[s.text, s.kb_id_] for s in doc.spans["deadlines"]],
            "figures": [[s.text, s._.record["value"]] for s in doc.spans["figures"]],
            "sents": [s.start_char for s in doc.sents],
            "record": doc._.record,
        }

    bin = DocBin(store_user_data=True)
    bin.add(doc)
    from_bin = next(DocBin().from_bytes(bin.to_bytes()).get_docs(nlp.vocab))
    from_bytes = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    print(json.dumps({
        "imported_before": imported_before,
        "doc": summary(doc),
        "from_bin": summary(from_bin),
        "from_bytes": summary(from_bytes),
    }, ensure_ascii=False))
    """
)


def test_saved_pipeline_loads_and_gives_the_records_of_extract(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    saved = spacy_adapter.build(tmp_path / "model")
    loaded = spacy_adapter.load(saved)
    assert loaded.pipe_names == ["directive_extractor", "word_segmenter"]
    doc = loaded(text)
    expected = extract(text, source="<spacy>")
    assert doc._.document.model_dump() == expected.model_dump()
    assert [span.text for span in doc.spans["directives"]] == [d.text for d in expected.directives]
    assert [span.id_ for span in doc._.directives] == [d.id for d in expected.directives]


def test_a_fresh_interpreter_loads_the_committed_model_and_round_trips_its_docs(tmp_path):
    """The issue's check: no import of the package first, spans and records survive storage."""
    script = tmp_path / "fresh.py"
    script.write_text(FRESH_SCRIPT, encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, str(script), str(spacy_adapter.DEFAULT_MODEL), str(SEED)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    found = json.loads(completed.stdout)
    assert found["imported_before"] == []
    doc = found["doc"]
    expected = extract(SEED.read_text(encoding="utf-8"), source="<spacy>")
    assert [row[2] for row in doc["directives"]] == [d.id for d in expected.directives]
    assert [row[3] for row in doc["directives"]] == [
        [agency.model_dump() for agency in d.lead] for d in expected.directives
    ]
    due = [d.deadline.due for d in expected.directives if d.deadline]
    assert [kb_id for _, kb_id in doc["deadlines"]] == due
    assert [row[6]["due"] for row in doc["directives"] if row[6]] == due
    assert len(doc["figures"]) == len(expected.figures) > 0
    assert doc["ents"] and {label for _, _, label, _ in doc["ents"]} == {"ORG"}
    assert ["Bộ Công an", "Bộ Công an"] in [[expected.text[s:e], kb] for s, e, _, kb in doc["ents"]]
    assert len(doc["sents"]) > len(expected.directives) / 2
    assert found["from_bin"] == doc
    assert found["from_bytes"] == doc


def test_spans_follow_the_records_after_words_are_merged():
    doc = spacy_adapter.load()(SENTENCE)
    assert [(s.text, s.label_, s.kb_id_) for s in doc.spans["agencies"]] == [
        ("Thủ tướng", "issuer", "Thủ tướng Chính phủ"),
        ("Bộ Y tế", "lead", "Bộ Y tế"),
        ("Bộ Tài chính", "support", "Bộ Tài chính"),
    ]
    assert [(e.text, e.label_) for e in doc.ents] == [
        (s.text, "ORG") for s in doc.spans["agencies"]
    ]
    directive = doc.spans["directives"][0]
    words = [token.text for token in directive]
    assert "Thủ tướng" in words and "Tài chính" in words  # underthesea's words, merged
    assert [agency["name"] for agency in directive._.support] == ["Bộ Tài chính"]
    assert directive._.issuer["name"] == "Thủ tướng Chính phủ"
    assert doc.spans["agencies"][1]._.lead is None  # directive attributes only on directives


def test_sentences_are_the_extractors_and_survive_word_merging():
    nlp = spacy_adapter.load()
    text = "Bộ Y tế chủ trì. TP. Hồ Chí Minh phối hợp thực hiện.\nBộ Tài chính rà soát quy định."
    merged = nlp(text)
    with nlp.select_pipes(disable=["word_segmenter"]):
        syllables = nlp(text)
    expected = ["Bộ Y tế chủ trì. ", "TP. Hồ Chí Minh phối hợp thực hiện.\n"]
    expected.append("Bộ Tài chính rà soát quy định.")
    assert [sentence.text_with_ws for sentence in merged.sents] == expected
    assert [s.text_with_ws for s in syllables.sents] == expected
    assert len(merged) < len(syllables)


def test_a_doc_without_directives_still_serialises():
    nlp = spacy_adapter.load()
    doc = nlp("Trời hôm nay nắng đẹp.")
    bin = DocBin(store_user_data=True)
    bin.add(doc)
    back = next(DocBin().from_bytes(bin.to_bytes()).get_docs(nlp.vocab))
    assert back._.record == doc._.record and back._.record["directives"] == []
    assert list(back.spans["directives"]) == [] and Doc(nlp.vocab).from_bytes(doc.to_bytes())


def test_displacy_draws_directives_with_their_roles():
    doc = spacy_adapter.load()("Tin khác hôm nay. " + SENTENCE)
    html = spacy_adapter.render(doc)
    for label in ("task", "issuer", "lead", "support"):
        assert f">{label}" in html or f"{label}<" in html.replace("\n", "").replace(" ", "")
    assert "Bộ Tài chính" in html and "Tin khác" not in html  # only sentences with directives


def test_the_committed_model_is_what_the_build_command_makes(tmp_path):
    rebuilt = spacy_adapter.build(tmp_path / "model")
    committed = spacy_adapter.DEFAULT_MODEL
    assert (committed / "config.cfg").read_text() == (rebuilt / "config.cfg").read_text()
