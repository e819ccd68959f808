/* main.c - entry point: the command line or the desk. */
#include "cli.h"
#include "i18n.h"
#include "ui.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* The desk needs a UTF-8 locale for Polish letters; a machine set to plain
 * "C" (a fresh container, a cron job) gets C.UTF-8 instead. */
static void ensure_utf8_locale(void)
{
	static const char *fallbacks[] = {"C.UTF-8", "C.utf8", "pl_PL.UTF-8", "en_US.UTF-8"};
	size_t i;

	setlocale(LC_ALL, "");
	if (!strcmp(nl_langinfo(CODESET), "UTF-8"))
		return;
	for (i = 0; i < sizeof(fallbacks) / sizeof(*fallbacks); i++)
		if (setlocale(LC_ALL, fallbacks[i]) &&
		    !strcmp(nl_langinfo(CODESET), "UTF-8"))
			return;
}

int main(int argc, char **argv)
{
	struct cli_opts o;
	int rc;

	/* every file the program makes (exports, documents, logs, copies) is
	 * its owner's only, whatever the caller's umask */
	umask(077);
	ensure_utf8_locale();
	rc = cli_parse_global(argc, argv, &o);
	i18n_init(o.lang);
	if (rc) {
		cli_opts_release(&o);
		return rc;
	}
	if (o.help) {
		cli_usage();
		rc = 0;
	} else if (o.version) {
		cli_version();
		rc = 0;
	} else if (o.keys) {
		ui_print_keys();
		rc = 0;
	} else if (o.first_arg < argc) {
		rc = cli_run(&o, argc, argv);
	} else {
		rc = ui_run(o.db_path, o.mono);
	}
	cli_opts_release(&o);
	return rc;
}
