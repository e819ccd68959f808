/* document.c - the document model and its two outputs: text and PDF
 * (libharu, an embedded TrueType font so every Polish letter prints). */
#include "document.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

#include <hpdf.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

void doc_init(struct document *d, const char *title, const char *reference)
{
	memset(d, 0, sizeof(*d));
	str_copy(d->title, sizeof(d->title), title);
	str_copy(d->reference, sizeof(d->reference), reference ? reference : "");
}

void doc_free(struct document *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->b[i].label);
		free(d->b[i].text);
	}
	free(d->b);
	d->b = NULL;
	d->n = d->cap = 0;
}

static void add(struct document *d, enum doc_block_kind k, const char *label, const char *text)
{
	struct doc_block *b = array_push((void **)&d->b, &d->n, &d->cap, sizeof(*b));

	b->kind = k;
	b->label = xstrdup(label ? label : "");
	b->text = xstrdup(text ? text : "");
}

void doc_heading(struct document *d, const char *text) { add(d, DOC_HEADING, NULL, text); }
void doc_para(struct document *d, const char *text) { add(d, DOC_PARA, NULL, text); }
void doc_field(struct document *d, const char *label, const char *value)
{
	add(d, DOC_FIELD, label, value && value[0] ? value : "—");
}
void doc_signatures(struct document *d, const char *labels) { add(d, DOC_SIGNATURES, NULL, labels); }
void doc_space(struct document *d) { add(d, DOC_SPACE, NULL, NULL); }

/* ---- wrapping ---- */

/* Splits text into lines that fit: fits(line so far) decides; the first
 * line may be narrower (first_width) than the rest.  Line breaks in the
 * text are kept; a word longer than a line is cut.  Returns the number
 * of lines; *out allocated strings. */
typedef double (*measure_fn)(const char *s, void *ctx);

static size_t wrap(const char *text, double first_width, double width, measure_fn m, void *ctx,
		   char ***out)
{
	size_t n = 0, cap = 0;
	const char *p = text;

	*out = NULL;
	do {
		const char *eol = strchr(p, '\n');
		size_t plen = eol ? (size_t)(eol - p) : strlen(p);
		char *para = xstrndup(p, plen);
		char *q = para;
		if (plen && para[plen - 1] == '\r')
			para[plen - 1] = '\0';
		do {
			double w = n == 0 ? first_width : width;
			struct strbuf line;
			size_t last_fit = 0, i = 0;
			char **slot;
			sb_init(&line);
			/* take words while they fit */
			while (q[i]) {
				size_t j = i;
				while (q[j] == ' ')
					j++;
				while (q[j] && q[j] != ' ')
					j++;
				{
					char *cand = xstrndup(q, j);
					bool ok = m(cand, ctx) <= w;
					free(cand);
					if (!ok)
						break;
				}
				last_fit = j;
				i = j;
			}
			if (!last_fit && q[0]) {
				/* one word wider than the line: cut it at a character */
				const char *c = q;
				size_t fit = 0;
				while (*c) {
					const char *nx = c;
					char *cand;
					bool ok;
					utf8_next(&nx);
					cand = xstrndup(q, (size_t)(nx - q));
					ok = m(cand, ctx) <= w;
					free(cand);
					if (!ok && fit)
						break;
					fit = (size_t)(nx - q);
					c = nx;
				}
				last_fit = fit;
			}
			sb_addn(&line, q, last_fit);
			slot = array_push((void **)out, &n, &cap, sizeof(char *));
			*slot = line.buf ? sb_detach(&line) : xstrdup("");
			q += last_fit;
			while (*q == ' ')
				q++;
		} while (*q);
		free(para);
		p = eol ? eol + 1 : NULL;
	} while (p);
	return n;
}

static void free_lines(char **l, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(l[i]);
	free(l);
}

static double columns(const char *s, void *ctx)
{
	(void)ctx;
	return (double)utf8_len(s);
}

/* ---- text ---- */

#define TEXT_WIDTH 78

char *doc_text(const struct document *d)
{
	struct strbuf sb;
	char **l;
	size_t i, k, n;

	sb_init(&sb);
	sb_addf(&sb, "%s\n", d->centre);
	if (d->address[0])
		sb_addf(&sb, "%s\n", d->address);
	sb_addf(&sb, "%s: %s", _("Date"), d->date);
	if (d->reference[0])
		sb_addf(&sb, "    %s: %s", _("Case ref."), d->reference);
	sb_add(&sb, "\n\n");
	sb_addf(&sb, "%s\n", d->title);
	for (k = utf8_len(d->title); k > 0; k--)
		sb_addc(&sb, '=');
	sb_add(&sb, "\n");
	for (i = 0; i < d->n; i++) {
		const struct doc_block *b = &d->b[i];
		switch (b->kind) {
		case DOC_HEADING:
			sb_addf(&sb, "\n%s\n", b->text);
			for (k = utf8_len(b->text); k > 0; k--)
				sb_addc(&sb, '-');
			sb_add(&sb, "\n");
			break;
		case DOC_PARA:
			n = wrap(b->text, TEXT_WIDTH, TEXT_WIDTH, columns, NULL, &l);
			for (k = 0; k < n; k++)
				sb_addf(&sb, "%s\n", l[k]);
			free_lines(l, n);
			break;
		case DOC_FIELD: {
			char *all = xasprintf("%s: %s", b->label, b->text);
			n = wrap(all, TEXT_WIDTH, TEXT_WIDTH - 4, columns, NULL, &l);
			for (k = 0; k < n; k++)
				sb_addf(&sb, "%s%s\n", k ? "    " : "", l[k]);
			free_lines(l, n);
			free(all);
			break;
		}
		case DOC_SIGNATURES: {
			char *copy = xstrdup(b->text), *save = NULL, *t;
			size_t cols = 0;
			struct strbuf names;
			sb_init(&names);
			sb_add(&sb, "\n\n");
			for (t = strtok_r(copy, "|", &save); t; t = strtok_r(NULL, "|", &save)) {
				size_t pad;
				sb_add(&sb, cols ? "      " : "");
				sb_add(&sb, "..............................");
				if (cols)
					sb_add(&names, "      ");
				sb_add(&names, t);
				for (pad = utf8_len(t); pad < 30; pad++)
					sb_addc(&names, ' ');
				cols++;
			}
			sb_addf(&sb, "\n%s\n", names.buf ? names.buf : "");
			sb_release(&names);
			free(copy);
			break;
		}
		case DOC_SPACE:
			sb_add(&sb, "\n");
			break;
		}
	}
	return sb_detach(&sb);
}

/* ---- PDF ---- */

#define PAGE_W 595.276
#define PAGE_H 841.89
#define MARGIN 56.0
#define BODY_TOP 752.0
#define BODY_BOTTOM 62.0
#define BODY_SIZE 10.0
#define LEADING 13.5

struct pdf_err {
	jmp_buf jb;
	unsigned long code, detail;
};

static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
	struct pdf_err *pe = data;

	pe->code = code;
	pe->detail = detail;
	longjmp(pe->jb, 1);
}

struct font_ctx {
	HPDF_Font font;
	double size;
};

static double pdf_width(const char *s, void *ctx)
{
	struct font_ctx *f = ctx;
	HPDF_TextWidth tw = HPDF_Font_TextWidth(f->font, (const HPDF_BYTE *)s, (HPDF_UINT)strlen(s));

	return tw.width * f->size / 1000.0;
}

/* One thing drawn: a text or a line, on a page. */
struct op {
	int page;
	bool line, bold;
	double x, y, x2, size;
	char *text;
};
struct layout {
	struct op *op;
	size_t n, cap;
	int page;
	double y;
	HPDF_Font regular, bold;
};

static void put(struct layout *L, bool bold, double size, double x, const char *text)
{
	struct op *o = array_push((void **)&L->op, &L->n, &L->cap, sizeof(*o));

	o->page = L->page;
	o->bold = bold;
	o->size = size;
	o->x = x;
	o->y = L->y;
	o->text = xstrdup(text);
}

static void rule(struct layout *L, double x, double x2, double y)
{
	struct op *o = array_push((void **)&L->op, &L->n, &L->cap, sizeof(*o));

	o->page = L->page;
	o->line = true;
	o->x = x;
	o->x2 = x2;
	o->y = y;
}

/* Room for h more points on this page, or a new page. */
static void need(struct layout *L, double h)
{
	if (L->y - h < BODY_BOTTOM) {
		L->page++;
		L->y = BODY_TOP;
	}
}

static void lay_lines(struct layout *L, bool bold, double size, double x, double first_w,
		      double width, const char *text)
{
	struct font_ctx fc = {bold ? L->bold : L->regular, size};
	char **l;
	size_t n, k;

	n = wrap(text, first_w, width, pdf_width, &fc, &l);
	for (k = 0; k < n; k++) {
		need(L, size * 1.35);
		L->y -= size * 1.35;
		put(L, bold, size, k ? MARGIN + (x - MARGIN) : x, l[k]);
	}
	free_lines(l, n);
}

static void lay_out(struct layout *L, const struct document *d)
{
	const double W = PAGE_W - 2 * MARGIN;
	size_t i;

	L->page = 0;
	L->y = BODY_TOP;
	lay_lines(L, true, 14, MARGIN, W, W, d->title);
	L->y -= 6;
	for (i = 0; i < d->n; i++) {
		const struct doc_block *b = &d->b[i];
		switch (b->kind) {
		case DOC_HEADING:
			need(L, 40);                /* not alone at the bottom */
			L->y -= 8;
			lay_lines(L, true, 11, MARGIN, W, W, b->text);
			L->y -= 2;
			break;
		case DOC_PARA:
			lay_lines(L, false, BODY_SIZE, MARGIN, W, W, b->text);
			break;
		case DOC_FIELD: {
			struct font_ctx fb = {L->bold, BODY_SIZE};
			char *label = xasprintf("%s: ", b->label);
			double lw = pdf_width(label, &fb);
			struct font_ctx fr = {L->regular, BODY_SIZE};
			char **l;
			size_t n, k;
			if (lw > W / 2)
				lw = W / 2;
			n = wrap(b->text, W - lw, W - 14, pdf_width, &fr, &l);
			for (k = 0; k < n; k++) {
				need(L, LEADING);
				L->y -= LEADING;
				if (!k)
					put(L, true, BODY_SIZE, MARGIN, label);
				put(L, false, BODY_SIZE, k ? MARGIN + 14 : MARGIN + lw, l[k]);
			}
			free_lines(l, n);
			free(label);
			break;
		}
		case DOC_SIGNATURES: {
			char *copy = xstrdup(b->text), *save = NULL, *t;
			size_t cols = 1, c = 0;
			const char *s;
			double cw;
			for (s = b->text; *s; s++)
				cols += *s == '|';
			cw = W / (double)cols;
			need(L, 70);
			L->y -= 50;
			for (t = strtok_r(copy, "|", &save); t; t = strtok_r(NULL, "|", &save), c++) {
				double x = MARGIN + cw * (double)c;
				rule(L, x + 6, x + cw - 6, L->y);
				L->y -= 11;
				put(L, false, 8, x + 6, t);
				L->y += 11;
			}
			L->y -= 14;
			free(copy);
			break;
		}
		case DOC_SPACE:
			L->y -= 8;
			break;
		}
	}
}

static const char *font_path(bool bold, char *buf, size_t size)
{
	const char *f = getenv("CUSDESK_FONT");

	if (!f || !*f)
		f = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
	if (!bold)
		return f;
	snprintf(buf, size, "%.*s-Bold.ttf", (int)(strlen(f) > 4 ? strlen(f) - 4 : 0), f);
	return access(buf, R_OK) == 0 ? buf : f;
}

int doc_pdf(const struct document *d, const char *path, struct fielderr *e)
{
	/* what the error path frees lives behind a pointer set before setjmp */
	struct job {
		struct pdf_err pe;
		struct layout L;
		HPDF_Page *pages;
	} *const job = xcalloc(1, sizeof(*job));
	struct layout *const Lp = &job->L;
	HPDF_Doc pdf;
	char bbuf[1024];
	const char *reg = font_path(false, bbuf, sizeof(bbuf)), *boldp;
	int p, npages;
	size_t i;

	if (access(reg, R_OK) != 0) {
		free(job);
		return fielderr_set(e, -1, _("PDF: the font %s is missing (install fonts-dejavu-core "
					     "or set CUSDESK_FONT)"), reg);
	}
	pdf = HPDF_New(on_error, &job->pe);
	if (!pdf) {
		free(job);
		return fielderr_set(e, -1, "%s", _("PDF: out of memory"));
	}
	if (setjmp(job->pe.jb)) {
		unsigned long code = job->pe.code;
		HPDF_Free(pdf);
		for (i = 0; i < Lp->n; i++)
			free(Lp->op[i].text);
		free(Lp->op);
		free(job->pages);
		free(job);
		return fielderr_set(e, -1, _("PDF: cannot write %s (error %04lX)"), path, code);
	}
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	Lp->regular = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, reg, HPDF_TRUE), "UTF-8");
	boldp = font_path(true, bbuf, sizeof(bbuf));
	Lp->bold = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, boldp, HPDF_TRUE), "UTF-8");
	HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "cusdesk");
	lay_out(Lp, d);
	npages = Lp->page + 1;
	job->pages = xcalloc((size_t)npages, sizeof(*job->pages));
	for (p = 0; p < npages; p++) {
		char foot[64];
		struct font_ctx fc = {Lp->regular, 8};
		HPDF_Page pg = job->pages[p] = HPDF_AddPage(pdf);
		HPDF_Page_SetSize(pg, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
		/* the header: the centre on the left, date and case on the right */
		HPDF_Page_BeginText(pg);
		HPDF_Page_SetFontAndSize(pg, Lp->bold, 9);
		HPDF_Page_TextOut(pg, MARGIN, PAGE_H - 40, d->centre);
		HPDF_Page_SetFontAndSize(pg, Lp->regular, 8);
		if (d->address[0])
			HPDF_Page_TextOut(pg, MARGIN, PAGE_H - 52, d->address);
		{
			char right[160];
			snprintf(right, sizeof(right), "%s: %s", _("Date"), d->date);
			HPDF_Page_TextOut(pg, PAGE_W - MARGIN - pdf_width(right, &fc), PAGE_H - 40, right);
			if (d->reference[0]) {
				snprintf(right, sizeof(right), "%s: %s", _("Case ref."), d->reference);
				HPDF_Page_TextOut(pg, PAGE_W - MARGIN - pdf_width(right, &fc),
						  PAGE_H - 52, right);
			}
		}
		snprintf(foot, sizeof(foot), _("Page %d of %d"), p + 1, npages);
		HPDF_Page_TextOut(pg, (PAGE_W - pdf_width(foot, &fc)) / 2, 30, foot);
		HPDF_Page_EndText(pg);
		HPDF_Page_SetLineWidth(pg, 0.5);
		HPDF_Page_MoveTo(pg, MARGIN, PAGE_H - 60);
		HPDF_Page_LineTo(pg, PAGE_W - MARGIN, PAGE_H - 60);
		HPDF_Page_Stroke(pg);
	}
	for (i = 0; i < Lp->n; i++) {
		struct op *o = &Lp->op[i];
		HPDF_Page pg = job->pages[o->page];
		if (o->line) {
			HPDF_Page_SetDash(pg, NULL, 0, 0);
			HPDF_Page_MoveTo(pg, o->x, o->y);
			HPDF_Page_LineTo(pg, o->x2, o->y);
			HPDF_Page_Stroke(pg);
			continue;
		}
		if (!o->text[0])
			continue;
		HPDF_Page_BeginText(pg);
		HPDF_Page_SetFontAndSize(pg, o->bold ? Lp->bold : Lp->regular, o->size);
		HPDF_Page_TextOut(pg, o->x, o->y, o->text);
		HPDF_Page_EndText(pg);
	}
	{
		/* the file first, private (0600); libharu then writes into it */
		FILE *f = fopen_private(path);
		if (!f || fclose(f) != 0 || HPDF_SaveToFile(pdf, path) != HPDF_OK) {
			HPDF_Free(pdf);
			for (i = 0; i < Lp->n; i++)
				free(Lp->op[i].text);
			free(Lp->op);
			free(job->pages);
			free(job);
			return fielderr_set(e, -1, _("%s: cannot write the file"), path);
		}
	}
	HPDF_Free(pdf);
	for (i = 0; i < Lp->n; i++)
		free(Lp->op[i].text);
	free(Lp->op);
	free(job->pages);
	free(job);
	return CD_OK;
}

int doc_write(const struct document *d, const char *path, enum csv_encoding enc,
	      struct fielderr *e)
{
	size_t pl = strlen(path);
	char *text, *bytes;
	size_t len;
	int rc;

	if (pl > 4 && !strcasecmp(path + pl - 4, ".pdf"))
		return doc_pdf(d, path, e);
	text = doc_text(d);
	if (enc == CSV_CP1250 || enc == CSV_ISO8859_2) {
		rc = csv_encode(text, enc, &bytes, &len, e);
	} else {
		bytes = xstrdup(text);
		len = strlen(bytes);
		rc = CD_OK;
	}
	free(text);
	if (!rc)
		rc = csv_write_file(path, bytes, len, e);
	free(bytes);
	return rc;
}
