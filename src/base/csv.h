/* csv.h - CSV as Polish offices exchange it: semicolon-separated (Polish
 * Excel) or comma, quoted fields with separators and line breaks inside,
 * UTF-8 (with or without BOM), Windows-1250 or ISO-8859-2.
 *
 * Writing: cells that a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return) are neutralised with a leading
 * apostrophe; the text is encoded with iconv at the end.
 * Reading: the separator and the encoding are detected (or given); the
 * fields are split on the raw bytes (separators and quotes are ASCII in
 * every supported encoding) and each record is decoded on its own, so one
 * record with undecodable bytes is rejected, not the whole file. */
#ifndef CUSDESK_CSV_H
#define CUSDESK_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"
#include "validate.h"

enum csv_encoding {
	CSV_AUTO,
	CSV_UTF8,
	CSV_CP1250,
	CSV_ISO8859_2,
};
/* "auto", "utf-8", "cp1250" (also "windows-1250"), "iso-8859-2"; false
 * when unknown. */
bool csv_encoding_parse(const char *s, enum csv_encoding *out);
const char *csv_encoding_name(enum csv_encoding enc);

/* ---- writing ---- */

/* Appends one cell (the separator first unless it opens the row). */
void csv_cell(struct strbuf *sb, const char *s, bool first);
void csv_cell_long(struct strbuf *sb, long v, bool first);
void csv_row_end(struct strbuf *sb);
/* The UTF-8 text as a file's bytes: UTF-8 with a BOM, or Windows-1250
 * (letters it lacks are transliterated).  CD_OK, *out allocated. */
int csv_encode(const char *utf8, enum csv_encoding enc, char **out, size_t *len,
	       struct fielderr *e);
/* Writes bytes to path (replacing it); CD_EIO with e set on failure. */
int csv_write_file(const char *path, const char *bytes, size_t len, struct fielderr *e);

/* ---- reading ---- */

/* A record is at most CSV_MAX_RECORD bytes and CSV_MAX_FIELDS fields:
 * a longer one is skipped to the next line end without keeping its
 * fields, so memory stays bounded by the limit, and rejected with the
 * reason. */
enum { CSV_MAX_RECORD = 1 << 20, CSV_MAX_FIELDS = 1000 };

struct csv_record {
	size_t line;           /* the line of the file where it starts (1-based) */
	char **fields;         /* decoded UTF-8; NULL when undecodable */
	size_t nfields;
	char *raw;             /* the record's bytes as in the file (for rejects;
				  "" for one over CSV_MAX_RECORD) */
	bool undecodable;
	/* N_(): why the record cannot be read (an unterminated quote, a NUL
	 * byte, too long, too many fields), NULL when it can */
	const char *problem;
};
struct csv_file {
	enum csv_encoding encoding;  /* detected or given */
	char sep;
	struct csv_record *records;  /* the header is records[0] */
	size_t n;
};
/* Parses bytes (len of them).  enc CSV_AUTO detects the encoding. */
int csv_parse(const char *bytes, size_t len, enum csv_encoding enc, struct csv_file *out,
	      struct fielderr *e);
void csv_file_free(struct csv_file *f);
/* Reads a whole file into memory (*out allocated, NUL-terminated). */
int csv_read_file(const char *path, char **out, size_t *len, struct fielderr *e);

/* The encoding of bytes: UTF-8 (BOM or valid), else Windows-1250 or
 * ISO-8859-2 by the bytes where they differ. */
enum csv_encoding csv_detect(const char *bytes, size_t len);

#endif
