#include "ui.h"
int ui_run(const char *db_path, bool mono) { (void)db_path; (void)mono; return 0; }
