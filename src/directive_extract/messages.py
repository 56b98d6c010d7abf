"""Every message the package shows a user, in one place."""

EMPTY_INPUT = "the input is empty or holds only white space"
BINARY_INPUT = "the input looks binary, not text ({detail})"
UNDECODABLE = "the file's encoding could not be detected"
UNSUPPORTED_TYPE = "files of type '{suffix}' are not read; skipped"
READ_FAILED = "could not be read: {reason}"
CHROME_DROPPED = "left out {count} line(s) from line {line} on: {reason}"
IMPOSSIBLE_DATE = "'{text}' is not a real date; no deadline taken from it"
NO_LEAD = "no agency could be found to lead: '{text}'"
TIMED_OUT = "extraction took longer than {seconds} s and was stopped"

# Reading inputs (io.py)
NOT_FOUND = "no such file"
PERMISSION_DENIED = "permission denied"
NOT_A_FILE = "not a regular file"
NOT_UTF8 = "not UTF-8: read as {encoding}"
BROKEN_DOCX = "not a readable Word document (damaged, encrypted or old .doc format)"
BROKEN_PDF = "not a readable PDF ({detail})"
ENCRYPTED_PDF = "the PDF is encrypted"
NO_TEXT_LAYER = "the PDF has no text layer (a scan?): run OCR on it first"
NO_ARTICLE = "no article found in the page: kept all of its visible text"
BAD_JSON = "not valid JSON ({detail})"
NO_TEXT_FIELD = "the record has no text field '{field}'"
NOT_ONE_RECORD = "holds {count} records, not one: read it with read_records"

# Batch runs and outputs (batch.py, writers.py)
UNCHANGED = "unchanged since the last run"
WORKER_DIED = "the worker process died while extracting it ({detail})"
EXTRACTION_FAILED = "extraction failed: {detail}"
UNKNOWN_FORMAT = "unknown output format '{name}': use one of {choices}"
RUN_FAILED = "the run stopped: {detail}"
OUTPUT_NEEDS_FILE = "the {name} format needs an output file: give -o OUT"
SUMMARY = (
    "{documents} document(s), {directives} directive(s), {deadlines} deadline(s), "
    "{figures} figure(s); {ok} ok, {skipped} skipped, {failed} failed; "
    "{seconds:.1f} s, {rate:.1f} docs/s"
)
