/* util.c - allocation, strings. */
#include "util.h"
#include "i18n.h"
#include "validate.h"

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

void (*cd_fatal_hook)(void);

static _Noreturn void oom(void)
{
	if (cd_fatal_hook)
		cd_fatal_hook();
	fputs("cusdesk: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *xstrdup(const char *s)
{
	if (!s)
		return NULL;
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		BUG("bad format %s", fmt);
	sb_init(&sb);
	sb.buf = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(sb.buf, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return sb.buf;
}

void xfree(char **p)
{
	free(*p);
	*p = NULL;
}

char *str_trim(char *s)
{
	size_t len, start = 0;

	if (!s)
		return s;
	len = strlen(s);
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	s[len] = '\0';
	while (s[start] && isspace((unsigned char)s[start]))
		start++;
	if (start)
		memmove(s, s + start, len - start + 1);
	return s;
}

char *str_squeeze(char *s)
{
	char *r = s, *w = s;
	bool space = false;

	if (!s)
		return s;
	for (; *r; r++) {
		if (*r == ' ' || *r == '\t') {
			if (!space)
				*w++ = ' ';
			space = true;
		} else {
			*w++ = *r;
			space = false;
		}
	}
	*w = '\0';
	return str_trim(s);
}

bool str_empty(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

void str_copy(char *dst, size_t size, const char *src)
{
	size_t n;

	if (!size)
		return;
	if (!src)
		src = "";
	n = strlen(src);
	if (n >= size) {
		n = size - 1;
		/* back off to the start of a UTF-8 sequence */
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

void sb_init(struct strbuf *sb)
{
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

void sb_release(struct strbuf *sb)
{
	free(sb->buf);
	sb_init(sb);
}

static void sb_grow(struct strbuf *sb, size_t extra)
{
	if (sb->len + extra + 1 <= sb->cap)
		return;
	sb->cap = (sb->len + extra + 1) * 2;
	sb->buf = xrealloc(sb->buf, sb->cap);
}

void sb_addn(struct strbuf *sb, const char *s, size_t n)
{
	sb_grow(sb, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_add(struct strbuf *sb, const char *s)
{
	if (s)
		sb_addn(sb, s, strlen(s));
	else
		sb_grow(sb, 0);
}

void sb_addc(struct strbuf *sb, char c)
{
	sb_addn(sb, &c, 1);
}

void sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		BUG("bad format %s", fmt);
	sb_grow(sb, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

char *sb_detach(struct strbuf *sb)
{
	char *p = sb->buf ? sb->buf : xstrdup("");
	sb_init(sb);
	return p;
}

_Noreturn void cd_bug(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	if (cd_fatal_hook)
		cd_fatal_hook();
	fprintf(stderr, "cusdesk: BUG %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void *array_push(void **arr, size_t *n, size_t *cap, size_t size)
{
	char *e;

	if (*n >= *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*arr = xrealloc(*arr, *cap * size);
	}
	e = (char *)*arr + *n * size;
	memset(e, 0, size);
	(*n)++;
	return e;
}

const char *cd_status_text(int rc)
{
	switch (rc) {
#define CD_STATUS_CASE(name, value, text) case name: return _(text);
	CD_STATUS_INFO(CD_STATUS_CASE)
#undef CD_STATUS_CASE
	}
	return _("the database refused the change");
}

const char *cd_error_text(int rc, const struct fielderr *e)
{
	return e && e->msg[0] ? e->msg : cd_status_text(rc);
}

char *temp_private(const char *dir)
{
	const char *td = getenv("TMPDIR");
	char *t = xasprintf("%s/.cusdesk-XXXXXX", dir ? dir : td && *td ? td : "/tmp");
	int fd = mkstemp(t);

	if (fd < 0) {
		int saved = errno;
		free(t);
		errno = saved;
		return NULL;
	}
	close(fd);
	return t;
}

void unlink_db_files(const char *path)
{
	static const char *const tails[] = {"", "-wal", "-shm", "-job"};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(tails); i++) {
		char *p = xasprintf("%s%s", path, tails[i]);
		unlink(p);
		free(p);
	}
}

void host_name(char *out, size_t size)
{
	if (gethostname(out, size) != 0)
		str_copy(out, size, "?");
	out[size - 1] = '\0';
}

bool process_alive(long pid)
{
	char path[64], buf[256], *close_paren;
	FILE *f;
	size_t n;

	if (pid <= 0 || (kill((pid_t)pid, 0) != 0 && errno == ESRCH))
		return false;
	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	if (!(f = fopen(path, "r")))
		return true;  /* no /proc: what kill said */
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* "pid (name) S ...": the state after the name's closing parenthesis */
	close_paren = strrchr(buf, ')');
	return !(close_paren && close_paren[1] == ' ' && (close_paren[2] == 'Z' ||
							   close_paren[2] == 'X'));
}

int mkdir_p(const char *dir, unsigned mode)
{
	char *p = xstrdup(dir), *s;
	int rc = 0;

	for (s = p + 1; *s; s++)
		if (*s == '/') {
			*s = '\0';
			if (mkdir(p, (mode_t)mode) != 0 && errno != EEXIST)
				rc = -1;
			*s = '/';
		}
	if (mkdir(p, (mode_t)mode) != 0 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

void secret_clear(void *p, size_t n)
{
	explicit_bzero(p, n);
}

FILE *fopen_private(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	FILE *f;

	if (fd < 0)
		return NULL;
	/* a file that was there keeps no wider mode than a new one */
	if (fchmod(fd, 0600) != 0 || !(f = fdopen(fd, "wb"))) {
		close(fd);
		return NULL;
	}
	return f;
}
