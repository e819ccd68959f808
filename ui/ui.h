/* ui.h - the desk (ncurses).  Only the entry point is public. */
#ifndef CUSDESK_UI_H
#define CUSDESK_UI_H

#include <stdbool.h>

/* Runs the desk on the database at db_path until the user quits; returns
 * the process exit status. */
int ui_run(const char *db_path, bool mono);

#endif
