/* pwcost.c - the cost of hashing a password: libsodium's interactive
 * argon2id limits.  Alone in its file on purpose (see auth.h). */
#include "auth.h"

#include <sodium.h>

const struct pw_cost auth_pw_cost = {
	crypto_pwhash_OPSLIMIT_INTERACTIVE,
	crypto_pwhash_MEMLIMIT_INTERACTIVE,
};
