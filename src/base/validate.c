/* validate.c - PESEL, dates, postcodes, phones, e-mail. */
#include "validate.h"
#include "i18n.h"
#include "util.h"
#include "text.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void fielderr_clear(struct fielderr *e)
{
	if (!e)
		return;
	e->field = -1;
	e->msg[0] = '\0';
}

int fielderr_set(struct fielderr *e, int field, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return CD_EINVAL;
	e->field = field;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return CD_EINVAL;
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

bool date_parse(const char *s, struct date *out)
{
	int i;
	struct date d;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	d.y = atoi(s);
	d.m = atoi(s + 5);
	d.d = atoi(s + 8);
	if (d.y < 1800 || d.y > 2299 || d.m < 1 || d.m > 12 || d.d < 1 ||
	    d.d > date_days_in_month(d.y, d.m))
		return false;
	if (out)
		*out = d;
	return true;
}

void date_format(const struct date *d, char out[11])
{
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d->y % 10000u,
		 (unsigned)d->m % 100u, (unsigned)d->d % 100u);
}

/* Howard Hinnant's days_from_civil. */
long date_to_days(const struct date *dt)
{
	long y = dt->y - (dt->m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (dt->m + 9) % 12;
	long doy = (153 * mp + 2) / 5 + dt->d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_from_days(long z, struct date *out)
{
	long era, doe, yoe, y, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	out->d = (int)(doy - (153 * mp + 2) / 5 + 1);
	out->m = (int)(mp < 10 ? mp + 3 : mp - 9);
	out->y = (int)(y + (out->m <= 2));
}

int date_cmp(const struct date *a, const struct date *b)
{
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	if (a->d != b->d)
		return a->d < b->d ? -1 : 1;
	return 0;
}

static bool test_clock;

void date_test_clock(bool on)
{
	test_clock = on;
}

void date_today(struct date *out)
{
	const char *fixed = test_clock ? getenv("CUSDESK_TODAY") : NULL;
	time_t now;
	struct tm tm;

	if (fixed && date_parse(fixed, out))
		return;
	now = time(NULL);
	localtime_r(&now, &tm);
	out->y = tm.tm_year + 1900;
	out->m = tm.tm_mon + 1;
	out->d = tm.tm_mday;
}

void date_add_months(const struct date *d, int n, struct date *out)
{
	int m = d->y * 12 + (d->m - 1) + n;
	int dim;

	out->y = m / 12;
	out->m = m % 12 + 1;
	dim = date_days_in_month(out->y, out->m);
	out->d = d->d > dim ? dim : d->d;
}

long date_diff(const struct date *a, const struct date *b)
{
	return date_to_days(b) - date_to_days(a);
}

int date_age(const struct date *birth, const struct date *on)
{
	int age = on->y - birth->y;
	if (on->m < birth->m || (on->m == birth->m && on->d < birth->d))
		age--;
	return age;
}

enum pesel_status pesel_check(const char *s, struct pesel_info *info)
{
	static const int w[10] = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
	int dg[11], i, sum = 0, mm, century;
	struct date d;

	if (!s)
		return PESEL_LENGTH;
	for (i = 0; s[i]; i++)
		if (!isdigit((unsigned char)s[i]))
			return PESEL_DIGITS;
	if (i != 11)
		return PESEL_LENGTH;
	for (i = 0; i < 11; i++)
		dg[i] = s[i] - '0';
	mm = dg[2] * 10 + dg[3];
	/* the month carries the century: +80 1800s, +0 1900s, +20 2000s,
	 * +40 2100s, +60 2200s */
	if (mm > 80) {
		century = 1800;
		mm -= 80;
	} else if (mm > 60) {
		century = 2200;
		mm -= 60;
	} else if (mm > 40) {
		century = 2100;
		mm -= 40;
	} else if (mm > 20) {
		century = 2000;
		mm -= 20;
	} else {
		century = 1900;
	}
	d.y = century + dg[0] * 10 + dg[1];
	d.m = mm;
	d.d = dg[4] * 10 + dg[5];
	if (d.m < 1 || d.m > 12 || d.d < 1 || d.d > date_days_in_month(d.y, d.m))
		return PESEL_DATE;
	for (i = 0; i < 10; i++)
		sum += dg[i] * w[i];
	if ((10 - sum % 10) % 10 != dg[10])
		return PESEL_CHECKSUM;
	if (info) {
		info->birth = d;
		info->sex = dg[9] % 2 ? 'M' : 'K';
	}
	return PESEL_OK;
}

const char *pesel_status_text(enum pesel_status st)
{
	switch (st) {
	case PESEL_OK:
		return _("correct");
	case PESEL_LENGTH:
		return _("must have 11 digits");
	case PESEL_DIGITS:
		return _("may contain digits only");
	case PESEL_DATE:
		return _("the birth date it encodes does not exist");
	case PESEL_CHECKSUM:
		return _("the check digit is wrong");
	}
	return "?";
}

bool postcode_valid(const char *s)
{
	int i;

	if (!s || strlen(s) != 6 || s[2] != '-')
		return false;
	for (i = 0; i < 6; i++)
		if (i != 2 && !isdigit((unsigned char)s[i]))
			return false;
	return true;
}

bool phone_valid(const char *s)
{
	int digits = 0;

	if (!s)
		return false;
	for (; *s; s++) {
		if (isdigit((unsigned char)*s))
			digits++;
		else if (!strchr("+ -()", *s))
			return false;
	}
	return digits >= 9 && digits <= 15;
}

bool email_valid(const char *s)
{
	const char *at, *dot;

	if (!s || !*s || strchr(s, ' ') || strchr(s, '\t'))
		return false;
	at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@'))
		return false;
	dot = strrchr(at, '.');
	return dot && dot > at + 1 && dot[1] != '\0';
}

int date_field_past(const char *s, int field, const char *label, struct date *out,
		    struct fielderr *e)
{
	struct date today;

	if (!s || !s[0])
		return fielderr_set(e, field, _("%s: required"), label);
	if (!date_parse(s, out))
		return fielderr_set(e, field, _("%s: not a valid date (use YYYY-MM-DD)"), label);
	date_today(&today);
	if (date_cmp(out, &today) > 0)
		return fielderr_set(e, field, _("%s: cannot be in the future"), label);
	return CD_OK;
}

int text_field_check(char *s, bool multiline, int field, const char *label,
		     struct fielderr *e)
{
	const char *p;
	char *w = s;

	if (!utf8_valid(s))
		return fielderr_set(e, field, _("%s: not valid text (UTF-8); type it again or "
						"check the file's encoding"), label);
	/* in place: tab -> space, CR LF -> LF */
	for (p = s; *p; p++) {
		if (*p == '\r' && p[1] == '\n')
			continue;
		*w++ = *p == '\t' ? ' ' : *p;
	}
	*w = '\0';
	for (p = s; *p;) {
		uint32_t cp = utf8_next(&p);
		if (cp == '\n' && multiline)
			continue;
		if (cp == '\n')
			return fielderr_set(e, field, _("%s: one line only, no line breaks"), label);
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
			return fielderr_set(e, field, _("%s: has a control character (code %u); "
							"remove it"), label, (unsigned)cp);
	}
	return CD_OK;
}

int text_param_check(const char *s, bool multiline, size_t max, int field, const char *label,
		     char **out, struct fielderr *e)
{
	int rc;

	*out = NULL;
	if (!s)
		s = "";
	if (strlen(s) > max)
		return fielderr_set(e, field, _("%s: too long, at most %zu bytes (a Polish letter "
						"takes 2)"), label, max);
	*out = xstrdup(s);
	if ((rc = text_field_check(*out, multiline, field, label, e))) {
		free(*out);
		*out = NULL;
		return rc;
	}
	str_trim(*out);
	return CD_OK;
}

/* n digits (1..max) at *p, advancing; -1 when fewer than min or more than max. */
static int digits(const char **p, int min, int max)
{
	int v = 0, n = 0;

	while (isdigit((unsigned char)**p)) {
		if (++n > max)
			return -1;
		v = v * 10 + (**p - '0');
		(*p)++;
	}
	return n < min ? -1 : v;
}

/* ---- a service's days and hours ---- */

static const struct {
	const char *name;
	int day;
} day_names[] = {
	{"pn", 1}, {"pon", 1}, {"poniedzialek", 1}, {"mon", 1}, {"monday", 1},
	{"wt", 2}, {"wto", 2}, {"wtorek", 2}, {"tue", 2}, {"tuesday", 2},
	{"sr", 3}, {"sro", 3}, {"sroda", 3}, {"wed", 3}, {"wednesday", 3},
	{"cz", 4}, {"czw", 4}, {"czwartek", 4}, {"thu", 4}, {"thursday", 4},
	{"pt", 5}, {"pia", 5}, {"piatek", 5}, {"fri", 5}, {"friday", 5},
	{"sb", 6}, {"so", 6}, {"sob", 6}, {"sobota", 6}, {"sat", 6}, {"saturday", 6},
	{"nd", 7}, {"ndz", 7}, {"niedz", 7}, {"niedziela", 7}, {"sun", 7}, {"sunday", 7},
};

/* The weekday a word names (folded: no case, no diacritics), 0 none. */
static int day_of(const char *word)
{
	char *f = text_fold(word);
	size_t i;
	int d = 0;

	if (strlen(f) == 1 && f[0] >= '1' && f[0] <= '7')
		d = f[0] - '0';
	for (i = 0; i < sizeof(day_names) / sizeof(day_names[0]) && !d; i++)
		if (!strcmp(f, day_names[i].name))
			d = day_names[i].day;
	free(f);
	return d;
}

bool weekdays_parse(const char *in, char *out, size_t size)
{
	char *copy = xstrdup(in ? in : ""), *p, *word, *save = NULL;
	bool days[8] = {false}, ok = true, any = false;
	int d;

	/* an en dash in a range is a dash */
	for (p = copy; *p; p++)
		if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
		    (unsigned char)p[2] == 0x93) {
			p[0] = '-';
			p[1] = p[2] = ' ';
		}
	for (word = strtok_r(copy, " ,;/", &save); word && ok; word = strtok_r(NULL, " ,;/", &save)) {
		char *dash = strchr(word, '-');
		if (dash) {
			int a, b;
			*dash = '\0';
			a = day_of(word);
			b = day_of(dash + 1);
			ok = a && b && a <= b;
			for (d = a; ok && d <= b; d++)
				days[d] = any = true;
		} else {
			ok = (d = day_of(word)) != 0;
			if (ok)
				days[d] = any = true;
		}
	}
	free(copy);
	if (!ok)
		return false;
	out[0] = '\0';
	for (d = 1; d <= 7 && any; d++)
		if (days[d] && strlen(out) + 3 < size) {
			size_t n = strlen(out);
			snprintf(out + n, size - n, "%s%d", n ? "," : "", d);
		}
	return true;
}

void weekdays_text(const char *stored, char *out, size_t size)
{
	static const char *const names[] = {N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
					    N_("Fri"), N_("Sat"), N_("Sun")};
	const char *p;

	out[0] = '\0';
	for (p = stored ? stored : ""; *p; p++)
		if (*p >= '1' && *p <= '7') {
			size_t n = strlen(out);
			snprintf(out + n, size - n, "%s%s", n ? ", " : "", _(names[*p - '1']));
		}
}

/* "9", "9:30", "09:30" as minutes of the day; -1 for anything else. */
static int minutes_of(const char *s)
{
	const char *p = s;
	int h, m = 0;

	if ((h = digits(&p, 1, 2)) < 0)
		return -1;
	if (*p == ':' || *p == '.') {
		p++;
		if ((m = digits(&p, 2, 2)) < 0)
			return -1;
	}
	if (*p || h > 24 || m > 59 || (h == 24 && m))
		return -1;
	return h * 60 + m;
}

bool hours_parse(const char *in, char out[12])
{
	char a[16], b[16];
	const char *dash;
	size_t n;
	int from, to;

	if (!in)
		return false;
	while (*in == ' ')
		in++;
	if (!(dash = strstr(in, "\xe2\x80\x93")) && !(dash = strchr(in, '-')))
		return false;
	n = (size_t)(dash - in);
	if (n >= sizeof(a))
		return false;
	memcpy(a, in, n);
	a[n] = '\0';
	str_copy(b, sizeof(b), dash + (*dash == '-' ? 1 : 3));
	str_trim(a);
	str_trim(b);
	from = minutes_of(a);
	to = minutes_of(b);
	if (from < 0 || to < 0 || from >= to)
		return false;
	/* both below 24:01, so each part has two digits */
	snprintf(out, 12, "%02d:%02d-%02d:%02d", (from / 60) % 100, from % 60, (to / 60) % 100,
		 to % 60);
	return true;
}

bool date_parse_pl(const char *s, struct date *out)
{
	struct date d;
	char iso[48];
	const char *p = s;

	if (!s)
		return false;
	if (date_parse(s, out))
		return true;
	if ((d.d = digits(&p, 1, 2)) < 0 || *p++ != '.' || (d.m = digits(&p, 1, 2)) < 0 ||
	    *p++ != '.' || (d.y = digits(&p, 4, 4)) < 0 || *p)
		return false;
	snprintf(iso, sizeof(iso), "%04d-%02d-%02d", d.y, d.m, d.d);
	return date_parse(iso, out);
}
