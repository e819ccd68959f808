/* offer.h - the organiser maintains the offer: programmes, services,
 * the services of a programme with their capacity and per-person limits,
 * providers and the services they offer, places.  Every save checks its
 * input here (messages name the field) and is one transaction; only the
 * organiser (PERM_OFFER_EDIT) writes, everyone who may read the offer
 * reads. */
#ifndef CUSDESK_OFFER_H
#define CUSDESK_OFFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"
#include "validate.h"

enum offer_field {
	OF_PROG_NAME = 900,
	OF_PROG_RESOLUTION_NO,
	OF_PROG_RESOLUTION_DATE,
	OF_PROG_FROM,
	OF_PROG_TO,
	OF_PROG_TARGET,
	OF_PROG_EXPECTED,
	OF_PROG_QUALIFICATION,
	OF_PROG_FEES,
	OF_PROG_STATUS,
	OF_PROG_GMINAS,
	OF_SV_NAME = 920,
	OF_SV_AREA,
	OF_SV_UNIT,
	OF_SV_SUMMARY,
	OF_SV_QUALIFICATIONS,
	OF_SV_OCCUPATIONS,
	OF_SV_GROUP,
	OF_SV_STD_INFRA,
	OF_SV_STD_STAFF,
	OF_SV_STD_QUALITY,
	OF_SV_STD_CONDITIONS,
	OF_SV_STD_MAX_DAYS,
	OF_SV_STD_AVAILABILITY,
	OF_SV_STD_MANAGEMENT,
	OF_SV_FEE_RULE,
	OF_SV_FEE_AMOUNT,
	OF_SV_FEE_NOTE,
	OF_PS_SERVICE = 940,
	OF_PS_CAPACITY,
	OF_PS_EXPECTED,
	OF_PS_MAX_MONTH,
	OF_PS_AGE_MIN,
	OF_PS_AGE_MAX,
	OF_PS_CERT,
	OF_PS_LIMIT_TEXT,
	OF_PS_MAX_QUARTER,
	OF_PS_MAX_YEAR,
	OF_PS_ONCE_YEARS,
	OF_PV_NAME = 960,
	OF_PV_KIND,
	OF_PV_ADDRESS,
	OF_PV_CONTACT,
	OF_PV_PHONE,
	OF_PV_EMAIL,
	OF_PV_CONTRACT_NO,
	OF_PV_CONTRACT_FROM,
	OF_PV_CONTRACT_TO,
	OF_PV_HOUR_POOL,
	OF_PV_SOCIAL_EMPLOYMENT,
	OF_PV_RESOURCES,
	OF_PV_ACTIVITY,
	OF_PV_AFFILIATION,
	OF_PV_OTHER,
	OF_PV_ROLE,
	OF_PVS_SERVICE = 980,
	OF_PVS_CAPACITY,
	OF_PL_NAME = 990,
	OF_PL_ADDRESS,
	OF_PL_PROVIDER,
};

struct programme {
	int64_t id;
	char name[256];
	char resolution_no[64];
	char resolution_date[16];
	char valid_from[16], valid_to[16];   /* valid_to empty: open-ended */
	char target_group[256];
	int expected_persons;                /* 0: not given */
	char qualification[1000];            /* conditions and procedure */
	char fees[500];
	char status[12];                     /* active, archived */
	char gminas[400];                    /* "A, B": the gminas served; empty: all */
	int64_t row_version;                 /* as read; a save from an older one is refused */
};
void programme_init(struct programme *p);
/* Every programme, the active ones first, in Polish order. */
int programme_list(struct cd_db *db, const struct actor *a, struct programme **out,
		   size_t *n);
int programme_get(struct cd_db *db, const struct actor *a, int64_t id, struct programme *out);
/* Adds (id 0) or changes a programme. */
int programme_save(struct cd_db *db, const struct actor *a, struct programme *p,
		   struct fielderr *e);

struct service {
	int64_t id;
	char name[256];
	int area_code;                       /* 1-14 (art. 2 ust. 1) */
	char unit[16];                       /* codes_unit */
	char summary[1000];
	char qualifications[500];
	char occupation_codes[200];
	bool is_group;
	/* the quality standard, six headings */
	char std_infrastructure[1000], std_staff[1000], std_quality[1000];
	char std_conditions[1000];
	int std_max_days;                    /* from the request to the start; 0: not set */
	char std_availability[1000], std_management[1000];
	char fee_rule[12];                   /* codes_fee_rule: free, fixed, income */
	double fee_amount;                   /* zł per unit for "fixed"; < 0: none */
	char fee_note[300];                  /* the income table or other conditions */
	int64_t row_version;                 /* as read; a save from an older one is refused */
};
/* The fee in words: "free of charge", "12,50 zł per hour" ... (allocated). */
char *service_fee_text(const struct service *s);
void service_init(struct service *s);
int service_list(struct cd_db *db, const struct actor *a, struct service **out, size_t *n);
int service_get(struct cd_db *db, const struct actor *a, int64_t id, struct service *out);
int service_save(struct cd_db *db, const struct actor *a, struct service *s,
		 struct fielderr *e);

/* A service within a programme: its capacity and per-person limits. */
struct programme_service {
	int64_t programme_id, service_id;
	char service_name[256];
	double monthly_capacity;             /* < 0: not given */
	int expected_persons;                /* 0: not given */
	double max_per_month;                /* < 0: no limit */
	double max_per_quarter, max_per_year;   /* < 0: no limit */
	int once_in_years;                   /* 0: no such limit */
	int age_min, age_max;                /* < 0: none */
	bool certificate_required;
	char limit_text[256];                /* the limit in words, as the programme says */
};
void programme_service_init(struct programme_service *ps, int64_t programme_id);
int programme_services(struct cd_db *db, const struct actor *a, int64_t programme_id,
		       struct programme_service **out, size_t *n);
/* Adds the service to the programme or changes its terms. */
int programme_service_save(struct cd_db *db, const struct actor *a,
			   const struct programme_service *ps, struct fielderr *e);
/* Takes a service out of a programme; refused while a plan uses it. */
int programme_service_remove(struct cd_db *db, const struct actor *a, int64_t programme_id,
			     int64_t service_id, struct fielderr *e);

struct provider {
	int64_t id;
	char name[256];
	char kind[16];                       /* codes_provider_kind (art. 7 ust. 2) */
	char address[256];
	char contact_person[128];
	char phone[32];
	char email[128];
	char contract_no[64];
	char contract_from[16], contract_to[16];
	double hour_pool;                    /* < 0: not given */
	/* the partner sheet (fiszka partnera) */
	bool social_employment;
	char resources[1000], activity[1000], affiliation[1000], other_info[1000];
	char partner_role[1000];
	char services[512];                  /* filled by lists: what it offers */
	int64_t row_version;                 /* as read; a save from an older one is refused */
};
void provider_init(struct provider *p);
int provider_list(struct cd_db *db, const struct actor *a, struct provider **out, size_t *n);
int provider_get(struct cd_db *db, const struct actor *a, int64_t id, struct provider *out);
int provider_save(struct cd_db *db, const struct actor *a, struct provider *p,
		  struct fielderr *e);
/* A service the provider offers, with its monthly capacity (< 0: none). */
int provider_service_save(struct cd_db *db, const struct actor *a, int64_t provider_id,
			  int64_t service_id, double monthly_capacity, struct fielderr *e);
int provider_service_remove(struct cd_db *db, const struct actor *a, int64_t provider_id,
			    int64_t service_id, struct fielderr *e);

/* Supply and demand of a service, today: what is contracted, planned in
 * the plans in force (a month), delivered in the last 30 days, and who
 * waits. */
struct supply {
	int64_t service_id;
	char service[256];
	char unit[16];
	double contracted;      /* providers' monthly capacity (< 0: not given) */
	double planned;         /* a month, in the plans in force */
	double delivered;       /* the last 30 days, from monitoring */
	long persons;           /* with the service in a plan in force, or taking
	                         * part in it as a group service */
	long waiting;           /* on the waiting list */
	char oldest_wait[16];   /* filing date of the first waiting, or "" */
	long unmet;             /* unmet needs recorded in the service's area */
};
/* Services of the catalogue that are offered, planned or waited for. */
int supply_demand(struct cd_db *db, const struct actor *a, struct supply **out, size_t *n);

struct place {
	int64_t id;
	char name[256];
	char address[256];
	int64_t provider_id;                 /* 0: none */
	char provider_name[256];
};
int place_list(struct cd_db *db, const struct actor *a, struct place **out, size_t *n);
int place_save(struct cd_db *db, const struct actor *a, struct place *p, struct fielderr *e);

#endif
