/* pwcost.c - the unit tests' password-hash cost: argon2id at libsodium's
 * minimum limits.  Linked before libcusdesk.a, it takes the place of
 * src/domain/pwcost.c, which the program always links (see auth.h); the
 * hashes are real, only cheaper to make. */
#include "auth.h"

#include <sodium.h>

const struct pw_cost auth_pw_cost = {
	crypto_pwhash_OPSLIMIT_MIN,
	crypto_pwhash_MEMLIMIT_MIN,
};
