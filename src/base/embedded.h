/* embedded.h - data files compiled into the binary (see tools/embed.sh). */
#ifndef CUSDESK_EMBEDDED_H
#define CUSDESK_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *name;   /* path relative to data/, e.g. "seed/areas.tsv" */
	const char *text;
	size_t len;
};

/* Terminated by an entry whose name is NULL; sorted by name. */
extern const struct embedded_file embedded_files[];

/* The file of that name, or NULL. */
const struct embedded_file *embedded_get(const char *name);

#endif
