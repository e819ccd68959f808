/* ui.h - the desk (ncurses).  Only the entry point is public. */
#ifndef CUSDESK_UI_H
#define CUSDESK_UI_H

#include <stdbool.h>

/* Runs the desk on the database at db_path until the user quits; returns
 * the process exit status. */
int ui_run(const char *db_path, bool mono);
/* Prints the desk's keys as Markdown tables, one per part of the desk,
 * made from the key table like the F1 help (the README's key table). */
void ui_print_keys(void);

#endif
