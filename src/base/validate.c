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
