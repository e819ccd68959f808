/* catalogue.h - the offer: statutory areas, programmes, services,
 * providers, places.  This issue seeds and reads it; the organiser's
 * editing screens build on these functions. */
#ifndef CUSDESK_CATALOGUE_H
#define CUSDESK_CATALOGUE_H

#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"

/* Loads the 14 areas and the starter service catalogue (data/seed/) into
 * an empty database; one transaction. */
int catalogue_seed(struct cd_db *db);

struct programme_def {
	const char *name, *resolution_no, *resolution_date, *valid_from,
		*valid_to, *target_group, *gmina;
	int expected_persons;
};
int programme_add(struct cd_db *db, const struct programme_def *d, int64_t *id);

struct service_def {
	const char *name;
	int area_code;
	const char *unit;      /* codes_unit */
	const char *summary;
	int is_group;
};
/* Adds the service, or finds it when one of that name exists. */
int service_ensure(struct cd_db *db, const struct service_def *d, int64_t *id);
int programme_service_add(struct cd_db *db, int64_t programme, int64_t service,
			  double monthly_capacity, int expected_persons,
			  const char *limit_text);
/* The per-person entitlements of a programme service that plans are
 * checked against: amount a month, age range (negative: none), and a
 * disability certificate. */
int programme_service_set_limits(struct cd_db *db, int64_t programme, int64_t service,
				 double max_per_month, int age_min, int age_max,
				 bool certificate_required);

struct provider_def {
	const char *name, *kind, *address, *contact_person, *phone, *email,
		*contract_no, *contract_from, *contract_to;
	double hour_pool;
};
int provider_add(struct cd_db *db, const struct provider_def *d, int64_t *id);
int provider_service_add(struct cd_db *db, int64_t provider, int64_t service,
			 double monthly_capacity);
int place_add(struct cd_db *db, const char *name, const char *address,
	      int64_t provider, int64_t *id);

/* One line of the offer as reception shows it. */
struct offer_line {
	int64_t service_id;
	char programme[256];
	char service[256];
	char area[128];
	char unit[16];
	double monthly_capacity;   /* < 0 when not given */
	char limit_text[256];
	char providers[512];       /* comma separated */
};
/* Services of active programmes, by programme then Polish order of
 * service name.  *out is allocated; caller frees. */
int catalogue_offer(struct cd_db *db, const struct actor *a,
		    struct offer_line **out, size_t *n);
/* A choice for the plan editor: id and a label. */
struct choice {
	int64_t id;
	int64_t id2;          /* a second id (the service of a programme service) */
	char label[320];
};
/* Services of active programmes: id = programme, id2 = service, label
 * "Service (programme)", in Polish order.  *out allocated. */
int catalogue_programme_services(struct cd_db *db, struct choice **out, size_t *n);
/* Providers offering a service (id = provider). */
int catalogue_providers_of(struct cd_db *db, int64_t service_id, struct choice **out,
			   size_t *n);
int catalogue_places(struct cd_db *db, struct choice **out, size_t *n);
/* Active programmes (id = programme). */
int catalogue_programmes(struct cd_db *db, struct choice **out, size_t *n);
/* The 14 statutory areas (id = code, label "3. name"). */
int catalogue_areas(struct cd_db *db, struct choice **out, size_t *n);
/* Every provider (id = provider). */
int catalogue_providers(struct cd_db *db, struct choice **out, size_t *n);
/* Every service in the catalogue (id = service). */
int catalogue_services(struct cd_db *db, struct choice **out, size_t *n);

/* Number of services in the catalogue (all, in or out of programmes). */
int catalogue_service_count(struct cd_db *db);

#endif
