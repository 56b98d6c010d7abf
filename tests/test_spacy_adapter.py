"""The spaCy pipeline: build, save under a folder, load, same records as ``extract``."""

from pathlib import Path

from directive_extract import extract, spacy_adapter

SEED = Path(__file__).parent.parent / "corpora" / "seeds" / "002_a18aad05f724dc5f.txt"


def test_saved_pipeline_loads_and_gives_the_records_of_extract(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    saved = spacy_adapter.build(tmp_path / "model")
    loaded = spacy_adapter.load(saved)
    assert loaded.pipe_names == ["directive_extractor", "word_segmenter"]
    doc = loaded(text)
    expected = extract(text, source="<spacy>")
    assert doc._.document.model_dump() == expected.model_dump()
    assert [span.text for span in doc.spans["directives"]] == [d.text for d in expected.directives]


def test_spans_follow_the_records_after_words_are_merged():
    doc = spacy_adapter.load()(
        "Thủ tướng giao Bộ Y tế chủ trì, phối hợp với Bộ Tài chính rà soát quy định."
    )
    assert [(s.text, s.label_) for s in doc.spans["agencies"]] == [
        ("Thủ tướng", "issuer"),
        ("Bộ Y tế", "lead"),
        ("Bộ Tài chính", "support"),
    ]
    words = [token.text for token in doc.spans["directives"][0]]
    assert "Thủ tướng" in words and "Tài chính" in words  # underthesea's words, merged


def test_the_committed_model_is_what_the_build_command_makes(tmp_path):
    rebuilt = spacy_adapter.build(tmp_path / "model")
    committed = spacy_adapter.DEFAULT_MODEL
    assert (committed / "config.cfg").read_text() == (rebuilt / "config.cfg").read_text()
