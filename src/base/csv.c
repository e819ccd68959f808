/* csv.c - CSV reading and writing with the encodings gmina offices use. */
#include "csv.h"
#include "i18n.h"
#include "text.h"

#include <errno.h>
#include <stdint.h>
#include <strings.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool csv_encoding_parse(const char *s, enum csv_encoding *out)
{
	if (!s || !strcmp(s, "auto"))
		*out = CSV_AUTO;
	else if (!strcasecmp(s, "utf-8") || !strcasecmp(s, "utf8"))
		*out = CSV_UTF8;
	else if (!strcasecmp(s, "cp1250") || !strcasecmp(s, "windows-1250"))
		*out = CSV_CP1250;
	else if (!strcasecmp(s, "iso-8859-2") || !strcasecmp(s, "latin2"))
		*out = CSV_ISO8859_2;
	else
		return false;
	return true;
}

const char *csv_encoding_name(enum csv_encoding enc)
{
	switch (enc) {
	case CSV_CP1250:
		return "cp1250";
	case CSV_ISO8859_2:
		return "iso-8859-2";
	case CSV_UTF8:
		return "utf-8";
	default:
		return "auto";
	}
}

static const char *iconv_name(enum csv_encoding enc)
{
	return enc == CSV_CP1250 ? "WINDOWS-1250" : enc == CSV_ISO8859_2 ? "ISO-8859-2" :
	       "UTF-8";
}

/* ---- writing ---- */

void csv_cell(struct strbuf *sb, const char *s, bool first)
{
	const char *p;
	bool quote;

	if (!first)
		sb_addc(sb, ';');
	if (!s)
		s = "";
	quote = strpbrk(s, ";,\"\r\n\t") != NULL || (s[0] && strchr("=+-@", s[0]));
	if (!quote)
		return sb_add(sb, s);
	sb_addc(sb, '"');
	/* a formula-like cell is kept as text */
	if (s[0] && strchr("=+-@\t\r", s[0]))
		sb_addc(sb, '\'');
	for (p = s; *p; p++) {
		if (*p == '"')
			sb_addc(sb, '"');
		sb_addc(sb, *p);
	}
	sb_addc(sb, '"');
}

void csv_cell_long(struct strbuf *sb, long v, bool first)
{
	if (!first)
		sb_addc(sb, ';');
	sb_addf(sb, "%ld", v);
}

void csv_row_end(struct strbuf *sb)
{
	sb_add(sb, "\r\n");
}

/* Converts len bytes of in from one encoding to another; NULL when a byte
 * sequence cannot be converted. */
static char *convert(const char *in, size_t len, const char *from, const char *to,
		     size_t *outlen)
{
	iconv_t cd = iconv_open(to, from);
	size_t cap = len * 4 + 16, left = cap;
	char *out, *op, *ip = (char *)in;
	size_t ileft = len;

	if (cd == (iconv_t)-1)
		return NULL;
	out = op = xmalloc(cap + 1);
	while (ileft > 0) {
		if (iconv(cd, &ip, &ileft, &op, &left) == (size_t)-1) {
			if (errno == E2BIG) {
				size_t used = (size_t)(op - out);
				cap *= 2;
				out = xrealloc(out, cap + 1);
				op = out + used;
				left = cap - used;
				continue;
			}
			free(out);
			iconv_close(cd);
			return NULL;
		}
	}
	iconv_close(cd);
	*op = '\0';
	if (outlen)
		*outlen = (size_t)(op - out);
	return out;
}

int csv_encode(const char *utf8, enum csv_encoding enc, char **out, size_t *len,
	       struct fielderr *e)
{
	*out = NULL;
	*len = 0;
	if (enc == CSV_CP1250 || enc == CSV_ISO8859_2) {
		char *to = xasprintf("%s//TRANSLIT", iconv_name(enc));
		*out = convert(utf8, strlen(utf8), "UTF-8", to, len);
		free(to);
		if (!*out)
			return fielderr_set(e, -1, _("Encoding: the text cannot be written in %s"),
					    csv_encoding_name(enc));
		return CD_OK;
	}
	*len = strlen(utf8) + 3;
	*out = xmalloc(*len + 1);
	memcpy(*out, "\xEF\xBB\xBF", 3);
	memcpy(*out + 3, utf8, *len - 3 + 1);
	return CD_OK;
}

int csv_write_file(const char *path, const char *bytes, size_t len, struct fielderr *e)
{
	FILE *f = fopen_private(path);

	if (!f || fwrite(bytes, 1, len, f) != len || fclose(f) != 0) {
		if (f)
			fclose(f);
		fielderr_set(e, -1, _("%s: cannot write the file (%s)"), path, strerror(errno));
		return CD_EIO;
	}
	return CD_OK;
}

/* ---- reading ---- */

int csv_read_file(const char *path, char **out, size_t *len, struct fielderr *e)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb;
	char buf[8192];
	size_t n;

	*out = NULL;
	*len = 0;
	if (!f) {
		fielderr_set(e, -1, _("%s: cannot open the file (%s)"), path, strerror(errno));
		return CD_EIO;
	}
	sb_init(&sb);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sb_addn(&sb, buf, n);
	fclose(f);
	*len = sb.len;
	*out = sb.buf ? sb_detach(&sb) : xstrdup("");
	return CD_OK;
}

/* UTF-8 with a few broken bytes (a damaged row): more well-formed
 * multi-byte sequences than stray bytes. */
static bool utf8_mostly(const char *bytes, size_t len)
{
	long good = 0, bad = 0;
	size_t i = 0;

	while (i < len) {
		unsigned char c = (unsigned char)bytes[i];
		size_t need = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 :
			      (c & 0xF8) == 0xF0 ? 3 : 9;
		size_t k;
		if (!need) {
			i++;
			continue;
		}
		for (k = 1; need < 9 && k <= need && i + k < len &&
		     ((unsigned char)bytes[i + k] & 0xC0) == 0x80; k++)
			;
		if (need < 9 && k == need + 1) {
			good++;
			i += k;
		} else {
			bad++;
			i++;
		}
	}
	return good > 0 && bad < good;
}

enum csv_encoding csv_detect(const char *bytes, size_t len)
{
	/* ą ś ź Ą Ś Ź differ between the two; the rest of the Polish letters
	 * sit on the same bytes, and 0x80-0x9F are controls in ISO-8859-2 */
	static const unsigned char win[] = {0xB9, 0x9C, 0x9F, 0xA5, 0x8C, 0x8F};
	static const unsigned char iso[] = {0xB1, 0xB6, 0xBC, 0xA1, 0xA6, 0xAC};
	char *copy;
	bool valid;
	long w = 0, i8 = 0;
	size_t i, k;

	if (len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3))
		return CSV_UTF8;
	copy = xstrndup(bytes, len);
	valid = strlen(copy) == len && utf8_valid(copy);
	free(copy);
	if (valid || utf8_mostly(bytes, len))
		return CSV_UTF8;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)bytes[i];
		if (c >= 0x80 && c <= 0x9F)
			w += 2;
		for (k = 0; k < sizeof(win); k++) {
			w += c == win[k];
			i8 += c == iso[k];
		}
	}
	return i8 > w ? CSV_ISO8859_2 : CSV_CP1250;
}

/* The separator: ';' or ',' whichever the first line has more of (outside
 * quotes); ';' when neither. */
static char detect_sep(const char *s, size_t len)
{
	long semi = 0, comma = 0;
	bool q = false;
	size_t i;

	for (i = 0; i < len && (q || (s[i] != '\n' && s[i] != '\r')); i++) {
		if (s[i] == '"')
			q = !q;
		else if (!q && s[i] == ';')
			semi++;
		else if (!q && s[i] == ',')
			comma++;
	}
	return comma > semi ? ',' : ';';
}

/* A field's bytes as UTF-8; NULL when they are not text in enc (bytes
 * the code page does not define, or C1 control characters). */
static char *decode(const char *s, size_t len, enum csv_encoding enc)
{
	char *out;
	const char *p;

	if (enc == CSV_UTF8) {
		out = xstrndup(s, len);
		if (strlen(out) != len || !utf8_valid(out)) {
			free(out);
			return NULL;
		}
	} else if (!(out = convert(s, len, iconv_name(enc), "UTF-8", NULL))) {
		return NULL;
	}
	for (p = out; *p;) {
		uint32_t cp = utf8_next(&p);
		if ((cp >= 0x80 && cp <= 0x9F) || (cp < 0x20 && cp != '\n' && cp != '\t' &&
						       cp != '\r')) {
			free(out);
			return NULL;
		}
	}
	return out;
}

int csv_parse(const char *bytes, size_t len, enum csv_encoding enc, struct csv_file *out,
	      struct fielderr *e)
{
	size_t i = 0, line = 1, cap = 0;

	memset(out, 0, sizeof(*out));
	if (enc == CSV_AUTO)
		enc = csv_detect(bytes, len);
	out->encoding = enc;
	if (len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3)) {
		bytes += 3;
		len -= 3;
	}
	out->sep = detect_sep(bytes, len);
	while (i < len) {
		struct csv_record *r;
		struct strbuf field;
		char **raw_fields = NULL;
		size_t nraw = 0, start = i, k;
		bool q = false, end = false;

		/* skip empty lines between records */
		if (bytes[i] == '\r' || bytes[i] == '\n') {
			if (bytes[i] == '\n')
				line++;
			i++;
			continue;
		}
		r = array_push((void **)&out->records, &out->n, &cap, sizeof(*r));
		r->line = line;
		sb_init(&field);
		while (!end) {
			char c = i < len ? bytes[i] : '\n';
			if (i >= len)
				end = true;
			if (i - start > CSV_MAX_RECORD || nraw > CSV_MAX_FIELDS) {
				/* too long: skipped to the next line end, nothing kept */
				r->problem = i - start > CSV_MAX_RECORD ?
					     N_("the row is longer than 1 MiB") :
					     N_("the row has more than 1000 fields");
				while (i < len && bytes[i] != '\n')
					i++;
				if (i < len)
					line++;
				i++;
				break;
			}
			if (c == '\0' && !end)
				r->problem = N_("the row has a NUL byte");
			if (q) {
				if (c == '"' && i + 1 < len && bytes[i + 1] == '"') {
					sb_addc(&field, '"');
					i += 2;
					continue;
				}
				if (c == '"') {
					q = false;
					i++;
					continue;
				}
				if (end) {       /* an unclosed quote ends with the file */
					q = false;
					if (!r->problem)
						r->problem = N_("a quote is not closed (\")");
					continue;
				}
				if (c == '\n')
					line++;
				sb_addc(&field, c);
				i++;
				continue;
			}
			if (c == '"' && field.len == 0) {
				q = true;
				i++;
				continue;
			}
			if (c == out->sep || c == '\n' || c == '\r' || end) {
				raw_fields = xrealloc(raw_fields, (nraw + 1) * sizeof(char *));
				raw_fields[nraw] = xmalloc(field.len + 1);
				memcpy(raw_fields[nraw], field.buf ? field.buf : "", field.len);
				raw_fields[nraw][field.len] = '\0';
				/* keep the length: a raw field may hold NUL-free bytes only */
				nraw++;
				field.len = 0;
				if (c == '\r' && i + 1 < len && bytes[i + 1] == '\n')
					i++;
				if (c == '\n' || c == '\r') {
					line++;
					end = true;
				}
				i++;
				continue;
			}
			sb_addc(&field, c);
			i++;
		}
		sb_release(&field);
		if (r->problem && i - start > CSV_MAX_RECORD) {
			for (k = 0; k < nraw; k++)
				free(raw_fields[k]);
			nraw = 0;
			r->raw = xstrdup("");
		} else
			r->raw = xstrndup(bytes + start, (i > len ? len : i) - start);
		{
			/* the raw record without its line end */
			size_t rl = strlen(r->raw);
			while (rl && (r->raw[rl - 1] == '\n' || r->raw[rl - 1] == '\r'))
				r->raw[--rl] = '\0';
		}
		r->fields = xcalloc(nraw + 1, sizeof(char *));
		r->nfields = nraw;
		for (k = 0; k < nraw; k++) {
			r->fields[k] = decode(raw_fields[k], strlen(raw_fields[k]), enc);
			if (!r->fields[k]) {
				r->undecodable = true;
				r->fields[k] = xstrdup("");
			}
			free(raw_fields[k]);
		}
		free(raw_fields);
	}
	if (!out->n)
		return fielderr_set(e, -1, "%s", _("File: it is empty"));
	return CD_OK;
}

void csv_file_free(struct csv_file *f)
{
	size_t i, k;

	for (i = 0; i < f->n; i++) {
		for (k = 0; k < f->records[i].nfields; k++)
			free(f->records[i].fields[k]);
		free(f->records[i].fields);
		free(f->records[i].raw);
	}
	free(f->records);
	memset(f, 0, sizeof(*f));
}
