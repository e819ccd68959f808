/* centre.h - setting up a new centre's database. */
#ifndef CUSDESK_CENTRE_H
#define CUSDESK_CENTRE_H

#include "db.h"

#define CENTRE_DEFAULT_NAME "Centrum Usług Społecznych"

/* First-run content of a new database: centre name, start date (today),
 * default settings, the 14 areas and the starter catalogue. */
int centre_setup(struct cd_db *db, const char *name);

#endif
