/* document.h - printable documents: built once from the record (doc_*),
 * then written as plain text (UTF-8 or Windows-1250) or as an A4 PDF with
 * an embedded Unicode font (DejaVu Sans), the centre's name and address in
 * the header, the date and case reference, and "page N of M".
 *
 * The kinds (print KIND ID): request, assessment, plan, order, closing,
 * card, half-year, quarterly. */
#ifndef CUSDESK_DOCUMENT_H
#define CUSDESK_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "csv.h"
#include "db.h"
#include "validate.h"

enum doc_block_kind {
	DOC_HEADING,     /* a section heading */
	DOC_PARA,        /* a paragraph (line breaks kept) */
	DOC_FIELD,       /* "label: value" */
	DOC_SIGNATURES,  /* signature lines side by side: labels separated by '|' */
	DOC_SPACE,
};
struct doc_block {
	enum doc_block_kind kind;
	char *label;
	char *text;
};
struct document {
	char title[200];
	char reference[64];       /* the case reference (header), may be empty */
	char centre[256], address[256];
	char date[16];            /* the day it is printed */
	struct doc_block *b;
	size_t n, cap;
};
void doc_init(struct document *d, const char *title, const char *reference);
void doc_free(struct document *d);
void doc_heading(struct document *d, const char *text);
void doc_para(struct document *d, const char *text);
void doc_field(struct document *d, const char *label, const char *value);
void doc_signatures(struct document *d, const char *labels);
void doc_space(struct document *d);

/* Fills the header: the centre's name and address (settings) and today. */
void doc_stamp(struct cd_db *db, struct document *d);

enum doc_kind {
	DOCK_REQUEST, DOCK_ASSESSMENT, DOCK_PLAN, DOCK_ORDER, DOCK_CLOSING, DOCK_CARD,
	DOCK_HALF_YEAR, DOCK_QUARTERLY,
};
bool doc_kind_parse(const char *s, enum doc_kind *out);
/* Builds the document of kind for id: a request id or a case reference
 * (request, assessment, plan, closing), the number of an order, a person
 * id (card), a summary id (half-year), a quarter like 2026Q4 (quarterly). */
int doc_build(struct cd_db *db, const struct actor *a, enum doc_kind kind, const char *id,
	      struct document *out, struct fielderr *e);

const char *doc_kind_code(enum doc_kind k);

/* The documents a case has now: the request confirmation, the assessment,
 * the plan, each order, the closing, the person's service card. */
struct doc_choice {
	enum doc_kind kind;
	char id[48];
	char label[300];
};
int doc_choices_for_case(struct cd_db *db, const struct actor *a, int64_t request_id,
			 struct doc_choice **out, size_t *n);

/* The path NAME.EXT in the user's own documents folder: LOGIN under the
 * setting documents_dir, else under ~/cusdesk-dokumenty (0700, created
 * when missing).  On a shared host every desk runs as one service account;
 * the folder per login keeps one person's files apart from another's. */
int documents_path(struct cd_db *db, const struct actor *a, const char *name, const char *ext,
		   char *path, size_t size, struct fielderr *e);

/* From the desk: the PDF is saved in the user's documents folder
 * (documents_path) as NAME.pdf (name like
 * "plan-12") and, when CUPS's `lp` is on the PATH (and CUSDESK_NO_PRINT
 * is not set), sent to the default printer.  path gets the file; *printed
 * whether lp took it. */
int doc_deliver(struct cd_db *db, const struct actor *a, const struct document *d,
		const char *name, char *path, size_t size, bool *printed, struct fielderr *e);

/* The plan of a case to read on screen, version version_id (0: the
 * newest): everything the printed plan has, the programme's limits, the
 * justifications and what changed since the last approved version.
 * *text is allocated. */
int doc_plan_text(struct cd_db *db, const struct actor *a, int64_t request_id,
		  int64_t version_id, char **text, struct fielderr *e);

/* Plain text, wrapped at 78 columns (allocated, UTF-8). */
char *doc_text(const struct document *d);
/* An A4 PDF at path; the font from $CUSDESK_FONT or DejaVu Sans. */
int doc_pdf(const struct document *d, const char *path, struct fielderr *e);
/* Writes path: .pdf as PDF, anything else as text in enc. */
int doc_write(const struct document *d, const char *path, enum csv_encoding enc,
	      struct fielderr *e);

#endif
