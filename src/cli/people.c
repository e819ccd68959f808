/* people.c - commands about people: init, user, person, request, gmina. */
#include "cliint.h"
#include "access.h"
#include "assessment.h"
#include "auth.h"
#include "catalogue.h"
#include "centre.h"
#include "codes.h"
#include "csv.h"
#include "document.h"
#include "export.h"
#include "i18n.h"
#include "import.h"
#include "offer.h"
#include "person.h"
#include "report.h"
#include "request.h"
#include "rodo.h"
#include "settings.h"
#include "summary.h"
#include "text.h"
#include "worklist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cmd_init(struct cli_opts *o, struct cd_db *unused, int argc, char **argv, int at)
{
	bool *used = xcalloc((size_t)argc + 1, sizeof(bool));
	const char *centre = opt_value(argc, argv, at, "--centre", used);
	bool test = opt_flag(argc, argv, at, "--test", used);
	struct cd_db *db = NULL;
	char *err = NULL;
	int rc;

	if ((rc = check_all_used(argc, argv, at, used))) {
		free(used);
		return rc;
	}
	free(used);
	if (!test && db_test_switches_set()) {
		fprintf(stderr, "cusdesk: %s\n", _("a test switch (CUSDESK_TODAY, "
						      "CUSDESK_LOCK_SECONDS) is set: unset it, or "
						      "make a test database with init --test"));
		return 1;
	}
	if (db_open(o->db_path, DB_CREATE_NEW, &db, &err)) {
		fprintf(stderr, "cusdesk: %s\n", err);
		free(err);
		return 1;
	}
	rc = centre_setup(db, centre);
	if (!rc && test)
		rc = db_mark_kind(db, "test");
	db_close(&db);
	if (rc) {
		fprintf(stderr, "cusdesk: %s\n", _("could not set up the new database"));
		unlink(o->db_path);
		return 1;
	}
	printf(_("created %s\n"), o->db_path);
	return 0;
}

int cmd_user(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at)
{
	struct actor sys;
	struct fielderr e;
	const char *sub = at < argc ? argv[at] : "";
	bool *used = xcalloc((size_t)argc + 1, sizeof(bool));
	int rc = 0;

	sys = o->actor;
	fielderr_clear(&e);
	if (!strcmp(sub, "add") && at + 1 < argc) {
		const char *login = argv[at + 1];
		const char *role, *name;
		unsigned roles;
		char *pw;
		int64_t id;

		role = opt_value(argc, argv, at + 2, "--role", used);
		if (!role)
			role = opt_value(argc, argv, at + 2, "--roles", used);
		name = opt_value(argc, argv, at + 2, "--name", used);
		if ((rc = check_all_used(argc, argv, at + 2, used)))
			goto out;
		if (!role) {
			rc = usage_error("%s", _("user add needs --role"));
			goto out;
		}
		if (user_validate_login(login, &e)) {
			rc = fail_msg(&e, CD_EINVAL);
			goto out;
		}
		if (!(roles = roles_parse(role, &e))) {
			rc = fail_msg(&e, CD_EINVAL);
			goto out;
		}
		pw = read_secret(_("Password: "));
		if (!pw) {
			fprintf(stderr, "cusdesk: %s\n", _("Password: none given on stdin"));
			rc = 1;
			goto out;
		}
		if ((rc = user_add(db, &sys, login, name, roles, pw, &id, &e)))
			rc = fail_msg(&e, rc);
		else
			printf("%lld\n", (long long)id);
		free(pw);
	} else if (!strcmp(sub, "list") && at + 1 == argc) {
		struct user *u;
		size_t n, i;
		if ((rc = user_list(db, &sys, &u, &n)) == CD_OK) {
			for (i = 0; i < n; i++) {
				char *r = roles_codes(u[i].roles);
				/* state; a running lock adds its end (local time) */
				printf("%s\t%s\t%s\t%s%s%s\n", u[i].login, u[i].full_name, r,
				       u[i].disabled ? "disabled" : u[i].locked_until[0] ?
				       "locked" : "active", u[i].locked_until[0] ? "\t" : "",
				       u[i].locked_until);
				free(r);
			}
		} else
			rc = fail_msg(NULL, rc);
		free(u);
	} else if (!strcmp(sub, "passwd") && at + 2 == argc) {
		char *pw = read_secret(_("New password: "));
		if (!pw) {
			fprintf(stderr, "cusdesk: %s\n", _("Password: none given on stdin"));
			rc = 1;
			goto out;
		}
		if ((rc = user_set_password(db, &sys, argv[at + 1], pw, &e)))
			rc = fail_msg(&e, rc);
		free(pw);
	} else if (!strcmp(sub, "disable") && at + 2 == argc) {
		if ((rc = user_set_disabled(db, &sys, argv[at + 1], true, &e)))
			rc = fail_msg(&e, rc);
	} else if (!strcmp(sub, "enable") && at + 2 == argc) {
		if ((rc = user_set_disabled(db, &sys, argv[at + 1], false, &e)))
			rc = fail_msg(&e, rc);
	} else if (!strcmp(sub, "unlock") && at + 2 == argc) {
		if ((rc = user_unlock(db, &sys, argv[at + 1], &e)))
			rc = fail_msg(&e, rc);
	} else if (!strcmp(sub, "set") && at + 1 < argc) {
		const char *role = opt_value(argc, argv, at + 2, "--role", used);
		const char *name = opt_value(argc, argv, at + 2, "--name", used);
		unsigned roles = 0;
		if ((rc = check_all_used(argc, argv, at + 2, used)))
			goto out;
		if (!role && !name) {
			rc = usage_error("%s", _("user set needs --role or --name"));
			goto out;
		}
		if (role && !(roles = roles_parse(role, &e))) {
			rc = fail_msg(&e, CD_EINVAL);
			goto out;
		}
		if ((rc = user_update(db, &sys, argv[at + 1], name, roles, &e)))
			rc = fail_msg(&e, rc);
	} else {
		rc = usage_error(_("unknown user command '%s'"), sub);
	}
out:
	free(used);
	return rc;
}

int cmd_person(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at)
{
	struct actor sys;
	struct fielderr e;
	const char *sub = at < argc ? argv[at] : "";
	bool *used = xcalloc((size_t)argc + 1, sizeof(bool));
	int rc = 0;

	sys = o->actor;
	fielderr_clear(&e);
	if (!strcmp(sub, "add")) {
		struct person p;
		int64_t dups[8];
		size_t nd, i;
		bool force;

		person_init(&p);
		rc = rc ? rc : copy_opt(p.first_names, sizeof(p.first_names), opt_value(argc, argv, at + 1, "--first", used), "--first");
		rc = rc ? rc : copy_opt(p.surname, sizeof(p.surname), opt_value(argc, argv, at + 1, "--last", used), "--last");
		rc = rc ? rc : copy_opt(p.pesel, sizeof(p.pesel), opt_value(argc, argv, at + 1, "--pesel", used), "--pesel");
		rc = rc ? rc : copy_opt(p.birth_date, sizeof(p.birth_date), opt_value(argc, argv, at + 1, "--birth", used), "--birth");
		rc = rc ? rc : copy_opt(p.sex, sizeof(p.sex), opt_value(argc, argv, at + 1, "--sex", used), "--sex");
		rc = rc ? rc : copy_opt(p.phone, sizeof(p.phone), opt_value(argc, argv, at + 1, "--phone", used), "--phone");
		rc = rc ? rc : copy_opt(p.email, sizeof(p.email), opt_value(argc, argv, at + 1, "--email", used), "--email");
		rc = rc ? rc : copy_opt(p.street, sizeof(p.street), opt_value(argc, argv, at + 1, "--street", used), "--street");
		rc = rc ? rc : copy_opt(p.house_no, sizeof(p.house_no), opt_value(argc, argv, at + 1, "--house", used), "--house");
		rc = rc ? rc : copy_opt(p.flat_no, sizeof(p.flat_no), opt_value(argc, argv, at + 1, "--flat", used), "--flat");
		rc = rc ? rc : copy_opt(p.postcode, sizeof(p.postcode), opt_value(argc, argv, at + 1, "--postcode", used), "--postcode");
		rc = rc ? rc : copy_opt(p.town, sizeof(p.town), opt_value(argc, argv, at + 1, "--town", used), "--town");
		rc = rc ? rc : copy_opt(p.gmina, sizeof(p.gmina), opt_value(argc, argv, at + 1, "--gmina", used), "--gmina");
		force = opt_flag(argc, argv, at + 1, "--force", used);
		if (rc || (rc = check_all_used(argc, argv, at + 1, used)))
			goto out;
		{
			struct date today;
			date_today(&today);
			if ((rc = person_validate(&p, &today, &e))) {
				rc = fail_msg(&e, rc);
				goto out;
			}
		}
		nd = person_find_duplicates(db, &p, dups, ARRAY_SIZE(dups));
		if (nd && !force) {
			fprintf(stderr, "cusdesk: %s\n",
				_("a person with the same name and birth date is "
				  "already registered (add --force to register "
				  "another one):"));
			for (i = 0; i < nd; i++) {
				struct person x;
				if (person_get(db, &sys, dups[i], &x) == CD_OK)
					fprintf(stderr, "  %lld\t%s\t%s\t%s\t%s\n",
						(long long)x.id, x.surname, x.first_names,
						x.pesel, x.town);
			}
			rc = 1;
			goto out;
		}
		if ((rc = person_save(db, &sys, &p, &e)))
			rc = fail_msg(&e, rc);
		else
			printf("%lld\n", (long long)p.id);
	} else if (!strcmp(sub, "find") && at + 2 <= argc) {
		struct strbuf q;
		struct person_hit *h;
		size_t n, i;
		int k;

		sb_init(&q);
		sb_add(&q, "");
		for (k = at + 1; k < argc; k++) {
			if (q.len)
				sb_addc(&q, ' ');
			sb_add(&q, argv[k]);
		}
		rc = person_search(db, &sys, q.buf, 100000, &h, &n);
		sb_release(&q);
		if (rc) {
			rc = fail_msg(NULL, rc);
			goto out;
		}
		for (i = 0; i < n; i++)
			printf("%lld\t%s\t%s\t%s\n", (long long)h[i].id, h[i].surname,
			       h[i].first_names, h[i].pesel);
		free(h);
	} else {
		rc = usage_error(_("unknown person command '%s'"), sub);
	}
out:
	free(used);
	return rc;
}

int cmd_request(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at)
{
	struct actor sys;
	struct fielderr e;
	struct request r;
	const char *sub = at < argc ? argv[at] : "";
	bool *used = xcalloc((size_t)argc + 1, sizeof(bool));
	const char *person, *filed, *channel, *asked;
	bool another;
	char *end;
	int rc = 0;

	sys = o->actor;
	fielderr_clear(&e);
	if (strcmp(sub, "add")) {
		rc = usage_error(_("unknown request command '%s'"), sub);
		goto out;
	}
	request_init(&r);
	person = opt_value(argc, argv, at + 1, "--person", used);
	filed = opt_value(argc, argv, at + 1, "--filed", used);
	channel = opt_value(argc, argv, at + 1, "--channel", used);
	asked = opt_value(argc, argv, at + 1, "--asked", used);
	another = opt_flag(argc, argv, at + 1, "--another", used);
	if ((rc = check_all_used(argc, argv, at + 1, used)))
		goto out;
	if (!person) {
		rc = usage_error("%s", _("request add needs --person ID"));
		goto out;
	}
	r.person_id = strtoll(person, &end, 10);
	if (*end || r.person_id <= 0) {
		fprintf(stderr, "cusdesk: %s\n", _("Person: give the numeric id"));
		rc = 1;
		goto out;
	}
	if ((rc = copy_opt(r.filed_on, sizeof(r.filed_on), filed, "--filed")))
		goto out;
	if (channel) {
		const char *c = code_lookup(&codes_channel, channel);
		str_copy(r.channel, sizeof(r.channel), c ? c : channel);
	}
	if ((rc = copy_opt(r.asked, sizeof(r.asked), asked, "--asked")))
		goto out;
	r.another_open_ok = another;
	if ((rc = request_file(db, &sys, &r, &e)))
		rc = fail_msg(&e, rc);
	else
		printf("%s\n", r.case_ref);
out:
	free(used);
	return rc;
}

/* gmina add NAME | gmina list: the gminas the centre serves. */
int cmd_gmina(struct cli_opts *o, struct cd_db *db, int argc, char **argv, int at)
{
	const char *sub = at < argc ? argv[at] : "";
	char **names, name[64];
	size_t n, i;
	int rc;

	if (!strcmp(sub, "list") && at + 1 == argc) {
		if (gmina_names(db, &names, &n))
			return fail_msg(NULL, CD_EDB);
		for (i = 0; i < n; i++)
			puts(names[i]);
		gmina_names_free(names, n);
		return 0;
	}
	if (strcmp(sub, "add") || at + 2 != argc)
		return usage_error("%s", _("gmina add NAME | gmina list"));
	str_copy(name, sizeof(name), argv[at + 1]);
	str_squeeze(name);
	if (!name[0] || !utf8_valid(name))
		return usage_error("%s", _("Gmina: give its name"));
	rc = gmina_add(db, &o->actor, name, NULL);
	if (rc == CD_EEXIST) {
		fprintf(stderr, "cusdesk: %s\n", _("Gmina: the centre already has it"));
		return 1;
	}
	return rc ? fail_msg(NULL, rc) : 0;
}
