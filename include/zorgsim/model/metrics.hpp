// The outcome catalogue: every figure zorgsim reports, defined once. Each outcome has its id (as
// in summary.json, timeseries.csv and every other file), the scope it is measured on, whether it
// is a whole-horizon figure, a per-period figure or both, its unit, and its label and one-line
// definition in Dutch (for the policymakers who read the report) and English. The lists that fix
// the layout of a replication's results (outcomes.hpp) are derived from this table, in its
// order, and ids used in code are checked against it when the code compiles.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace zorgsim::care {

/// What an outcome is measured on: one service, the whole landscape, one region's youths or
/// one municipality's youths.
enum class Scope { service, system, region, municipality };

/// What a number means, so that writers and the report format it without guessing.
enum class Unit {
    youths, ///< a time-average number of youths (jeugdigen)
    places, ///< a time-average number of places (plekken)
    days,   ///< a mean number of days
    count,  ///< a number of events over the horizon or the period
    share,  ///< a fraction between 0 and 1
    ratio,  ///< events per youth
    euros,  ///< euros over the horizon or the period
};

struct OutcomeDefinition {
    std::string_view id;
    Scope scope;
    bool whole_horizon; ///< in summary.json (and comparison.json, sweep.csv)
    bool per_period;    ///< in timeseries.csv (and differences.csv, replications.csv)
    Unit unit;
    std::string_view label_nl;
    std::string_view label_en;
    std::string_view definition_nl;
    std::string_view definition_en;
};

// clang-format off
/// Every outcome, grouped by scope, in the order the files list them.
inline constexpr auto outcome_catalogue = std::to_array<OutcomeDefinition>({
    // Per service (voorziening).
    {"wait_days", Scope::service, true, true, Unit::days,
     "Wachttijd op de eigen wachtlijst (dagen)", "Wait on its own list (days)",
     "gemiddeld aantal dagen op de wachtlijst van deze voorziening tot de start van de zorg hier, van wie in de periode begon",
     "mean days on this service's waiting list until admission here, of those admitted"},
    // Waits as the youth lives them (wait_episodes.cpp): from referral, or leaving the previous
    // service, to the start of care here or in an alternative, across substitution, overflow,
    // reneging to another service and bridging care; counted for the service whose waiting list
    // the youth joined first (or that admitted it at once).
    {"wait_to_care_days", Scope::service, true, true, Unit::days,
     "Wachttijd tot zorg (dagen)", "Wait to care (days)",
     "gemiddeld aantal dagen van aanmelding (of vertrek uit de vorige voorziening) tot de start van zorg, hier of in een alternatief, van wie hier als eerste wachtte",
     "mean days from referral (or leaving the previous service) to the start of care, here or in an alternative, of youths who first waited here"},
    {"wait_to_care_p50_days", Scope::service, true, false, Unit::days,
     "Wachttijd tot zorg, mediaan (dagen)", "Wait to care, median (days)",
     "de wachttijd tot zorg waaronder de helft bleef (per herhaling, gemiddeld over de herhalingen)",
     "the wait to care that half stayed under (per replication, averaged over replications)"},
    {"wait_to_care_p90_days", Scope::service, true, false, Unit::days,
     "Wachttijd tot zorg, 90e percentiel (dagen)", "Wait to care, 90th percentile (days)",
     "de wachttijd tot zorg waaronder 90% bleef (per herhaling, gemiddeld over de herhalingen)",
     "the wait to care that 90% stayed under (per replication, averaged over replications)"},
    {"wait_to_care_over_norm", Scope::service, true, true, Unit::count,
     "Wachttijd tot zorg boven de norm", "Waits to care over the norm",
     "jeugdigen die hier als eerste wachtten en langer dan de wachttijdnorm van deze voorziening op zorg wachtten",
     "youths who first waited here and waited longer than this service's wait norm for care"},
    {"wait_to_care_over_norm_share", Scope::service, true, true, Unit::share,
     "Aandeel boven de norm", "Share over the norm",
     "deel van wie hier als eerste wachtte en met zorg begon dat langer dan de norm wachtte",
     "share of the care starts of youths who first waited here that waited longer than the norm"},
    {"care_starts", Scope::service, true, true, Unit::count,
     "Start van zorg", "Care starts",
     "jeugdigen die hier als eerste wachtten (of meteen terechtkonden) en met zorg begonnen, hier of in een alternatief",
     "youths who first waited here (or were admitted at once) and started care, here or in an alternative"},
    {"admitted_wait_to_care_days", Scope::service, true, true, Unit::days,
     "Wachttijd tot zorg van wie hier begon (dagen)", "Wait to care of those admitted here (days)",
     "gemiddelde wachttijd tot zorg van wie hier met zorg begon, ook wie eerst elders wachtte",
     "mean wait to care of the youths whose care started here, including those who first waited elsewhere"},
    {"bridging_days", Scope::service, true, false, Unit::days,
     "Overbruggingszorg (dagen)", "Bridging care (days)",
     "gemiddeld aantal dagen overbruggingszorg van wie hier als eerste wachtte en overbrugd werd tot de start van zorg",
     "mean days in bridging care of the youths who first waited here and were bridged until their care started"},
    {"reneged_waits", Scope::service, true, true, Unit::count,
     "Gestopt met wachten", "Gave up waiting",
     "jeugdigen die hier als eerste wachtten en na de maximale wachttijd de zorg verlieten zonder zorg",
     "youths who first waited here and left care without care after the maximum wait"},
    {"reneged_wait_days", Scope::service, true, false, Unit::days,
     "Wachttijd van wie stopte (dagen)", "Wait of those who gave up (days)",
     "gemiddeld aantal dagen dat wie stopte met wachten had gewacht",
     "mean days that those who gave up waiting had waited"},
    {"still_waiting_end", Scope::service, true, false, Unit::count,
     "Nog wachtend op de einddatum", "Still waiting at the end",
     "jeugdigen die op de einddatum nog op zorg wachtten en hier als eerste wachtten",
     "youths still waiting for care at the end of the horizon who first waited here"},
    {"still_waiting_days", Scope::service, true, false, Unit::days,
     "Wachttijd tot dan van wie nog wacht (dagen)", "Wait so far of those still waiting (days)",
     "gemiddeld aantal dagen dat wie op de einddatum nog wachtte al had gewacht (de wachttijd is nog niet af)",
     "mean days that those still waiting at the end had waited so far (their wait is not over)"},
    {"queue_length", Scope::service, true, true, Unit::youths,
     "Op de wachtlijst", "On the waiting list",
     "gemiddeld aantal jeugdigen op de wachtlijst", "time-average number waiting"},
    {"occupancy", Scope::service, true, true, Unit::youths,
     "Bezetting", "Occupancy",
     "gemiddeld aantal bezette plekken, ook door wie op een vervolgplek wacht",
     "time-average occupied places, including youths who keep a place while waiting for the next"},
    {"utilization", Scope::service, true, true, Unit::share,
     "Bezettingsgraad", "Utilisation",
     "bezette plekdagen gedeeld door beschikbare plekdagen",
     "occupied place-days divided by available place-days"},
    {"capacity", Scope::service, true, true, Unit::places,
     "Capaciteit (plekken)", "Capacity (places)",
     "gemiddeld aantal beschikbare plekken", "time-average number of places available"},
    {"admissions", Scope::service, true, true, Unit::count,
     "Opnames", "Admissions",
     "aantal jeugdigen dat met de zorg begon (niet wie er al voor de start zat)",
     "admissions (not the start census's occupants, admitted before day 0)"},
    {"discharges", Scope::service, true, true, Unit::count,
     "Uitstroom", "Discharges",
     "aantal jeugdigen dat de voorziening verliet", "departures"},
    {"length_of_stay_days", Scope::service, true, false, Unit::days,
     "Verblijfsduur (dagen)", "Length of stay (days)",
     "gemiddelde duur van de zorg van wie vertrok", "mean length of stay of those who left"},
    {"rejected", Scope::service, true, true, Unit::count,
     "Afgewezen (wachtlijst vol)", "Turned away (list full)",
     "aanmeldingen die niet op de wachtlijst konden omdat die vol was",
     "arrivals turned away because the waiting list was full"},
    {"reneged", Scope::service, true, false, Unit::count,
     "Van de wachtlijst na maximale wachttijd", "Left the list after the maximum wait",
     "jeugdigen die na de maximale wachttijd van de wachtlijst gingen",
     "youths who left the waiting list after the maximum wait"},
    {"waits_over_norm", Scope::service, true, true, Unit::count,
     "Wachttijd boven de norm", "Waits over the norm",
     "opnames die langer dan de wachttijdnorm wachtten",
     "admissions that waited longer than the wait norm"},
    {"blocked", Scope::service, true, true, Unit::youths,
     "Wachtend op vervolgplek", "Waiting for the next place",
     "gemiddeld aantal plekken bezet door jeugdigen die op een vervolgplek wachten",
     "time-average places held by youths waiting for their next place"},
    {"substituted", Scope::service, true, false, Unit::count,
     "Naar een alternatief", "Moved to an alternative",
     "jeugdigen die van deze wachtlijst naar een andere voorziening gingen",
     "youths who left this waiting list for an alternative service"},
    {"cost", Scope::service, true, true, Unit::euros,
     "Kosten (euro)", "Cost (euros)",
     "tarief per dag maal bezette dagen plus kosten per opname, plus de prijs van lege gecontracteerde plekken en de vaste kosten",
     "cost per day times occupied days plus cost per admission, plus the price of empty contracted places and the fixed cost"},
    // The cost split as contracts are written (prices.hpp, cost_meter.hpp): cost is the sum.
    {"cost_occupied", Scope::service, true, true, Unit::euros,
     "Kosten bezette plekken (euro)", "Cost of occupied places (euros)",
     "dagtarief en plekprijs van de bezette plekken plus kosten per opname, geïndexeerd",
     "day tariff and place price of the occupied places plus cost per admission, indexed"},
    {"cost_vacant", Scope::service, true, true, Unit::euros,
     "Kosten lege plekken (euro)", "Cost of empty places (euros)",
     "plekprijs maal lege gecontracteerde plekdagen (gecontracteerd min bezet, niet onder nul), geïndexeerd",
     "place price times empty contracted place-days (contracted minus occupied, not below zero), indexed"},
    {"cost_fixed", Scope::service, true, true, Unit::euros,
     "Vaste kosten (euro)", "Fixed cost (euros)",
     "vaste kosten per kalenderjaar, naar rato van de dagen, geïndexeerd",
     "fixed cost per calendar year, pro rata over its days, indexed"},
    // A pool of places that recruits and loses places (Pool in scenario.hpp), and aftercare
    // with re-entry (Aftercare); 0 for a service without them.
    {"pool_recruited", Scope::service, true, true, Unit::count,
     "Nieuwe plekken (werving)", "Places recruited",
     "plekken die bij de pool kwamen: geworven (zoals nieuwe pleeggezinnen) of door een capaciteitsstap",
     "places that joined the pool: recruited (such as new foster families) or added by a capacity step"},
    {"pool_lost", Scope::service, true, true, Unit::count,
     "Verloren plekken (uitval)", "Places lost",
     "plekken die de pool verlieten (zoals pleeggezinnen die stoppen), of door een capaciteitsstap",
     "places that left the pool (such as foster families that stop), or removed by a capacity step"},
    {"capacity_end", Scope::service, true, false, Unit::places,
     "Plekken op de einddatum", "Places at the end",
     "aantal plekken op de laatste dag (bij een pool: start plus nieuwe min verloren plekken)",
     "places on the last day (for a pool: the start plus places recruited minus places lost)"},
    {"aftercare_given", Scope::service, true, true, Unit::count,
     "Nazorg gekregen", "Aftercare given",
     "jeugdigen die na vertrek uit deze voorziening uit de zorg nazorg kregen",
     "youths who got aftercare on leaving care from this service"},
    {"reentries", Scope::service, true, true, Unit::count,
     "Terugkeer na deze voorziening", "Re-entries after this service",
     "jeugdigen die opnieuw werden aangemeld nadat ze de zorg vanuit deze voorziening verlieten",
     "youths referred again after leaving care from this service"},

    // The whole landscape (het stelsel).
    {"arrivals", Scope::system, true, true, Unit::count,
     "Aanmeldingen", "Referrals",
     "nieuwe aanmeldingen en terugkeer samen", "new referrals plus re-entries"},
    {"exits", Scope::system, true, true, Unit::count,
     "Uitstroom uit de jeugdzorg", "Exits from care",
     "jeugdigen die de jeugdzorg verlieten", "youths who left care"},
    {"in_system_end", Scope::system, true, false, Unit::youths,
     "In zorg of wachtend aan het eind", "In care or waiting at the end",
     "jeugdigen in zorg of op een wachtlijst op de laatste dag",
     "youths in a service or on a waiting list on the last day"},
    {"new_referrals", Scope::system, true, false, Unit::count,
     "Nieuwe aanmeldingen", "New referrals",
     "eerste aanmeldingen via de verwijskanalen", "first referrals through the channels"},
    {"reentries", Scope::system, true, true, Unit::count,
     "Terugkeer", "Re-entries",
     "jeugdigen die na de zorg opnieuw werden aangemeld",
     "youths referred again after leaving care"},
    {"census", Scope::system, true, false, Unit::count,
     "Startbestand", "Start census",
     "jeugdigen die op de startdatum al in zorg waren", "youths already in care on the start day"},
    {"youths", Scope::system, true, false, Unit::count,
     "Jeugdigen gezien", "Distinct youths",
     "verschillende jeugdigen in de periode (startbestand plus nieuwe aanmeldingen)",
     "distinct youths seen (start census plus new referrals)"},
    {"in_care", Scope::system, true, true, Unit::youths,
     "In zorg of wachtend", "In care or waiting",
     "gemiddeld aantal jeugdigen in zorg of op een wachtlijst",
     "time-average number of youths in a service or on a waiting list"},
    {"waiting", Scope::system, true, true, Unit::youths,
     "Op een wachtlijst", "On a waiting list",
     "gemiddeld aantal jeugdigen op een wachtlijst", "time-average number on a waiting list"},
    {"out_of_home", Scope::system, true, true, Unit::youths,
     "Uithuisgeplaatst", "Placed out of home",
     "gemiddeld aantal jeugdigen in een verblijfsvoorziening (bezette plekken)",
     "time-average occupied placement places"},
    {"closed", Scope::system, true, true, Unit::youths,
     "In gesloten jeugdzorg", "In closed care",
     "gemiddeld aantal jeugdigen in gesloten jeugdzorg (JeugdzorgPlus)",
     "time-average occupied closed places (JeugdzorgPlus)"},
    {"closed_admissions", Scope::system, true, true, Unit::count,
     "Plaatsingen gesloten jeugdzorg", "Admissions to closed care",
     "opnames in gesloten jeugdzorg", "admissions to closed care"},
    {"replacements", Scope::system, true, true, Unit::count,
     "Doorplaatsingen", "Re-placements",
     "overplaatsingen van de ene verblijfsplek naar een andere",
     "moves from one placement to another"},
    {"replacements_per_youth", Scope::system, true, false, Unit::ratio,
     "Doorplaatsingen per jeugdige", "Re-placements per youth",
     "doorplaatsingen gedeeld door het aantal jeugdigen gezien",
     "re-placements divided by distinct youths seen"},
    {"aged_out", Scope::system, true, true, Unit::count,
     "Uitstroom op 18 jaar", "Aged out",
     "jeugdigen die de jeugdzorg verlieten omdat ze de uitstroomleeftijd bereikten",
     "youths who left care on reaching the exit age"},
    {"adult_support", Scope::system, true, false, Unit::count,
     "Doorstroom naar volwassenenzorg", "Moved on to adult support",
     "wie op leeftijd uitstroomde en ondersteuning voor volwassenen kreeg",
     "of those who aged out, youths who moved on to adult support"},
    {"no_suitable_place", Scope::system, true, true, Unit::count,
     "Geen passende plek", "No suitable place",
     "aanmeldingen waarvoor geen passende voorziening was",
     "referrals for which no service was suitable"},
    {"share_care_days_at_home", Scope::system, true, false, Unit::share,
     "Aandeel zorgdagen thuis", "Share of care days at home",
     "zorgdagen in voorzieningen zonder verblijf gedeeld door alle zorgdagen",
     "care days in services without a stay divided by all care days"},
    {"substitutions", Scope::system, true, false, Unit::count,
     "Naar een alternatief", "Substitutions",
     "jeugdigen die van een wachtlijst naar een alternatieve voorziening gingen",
     "youths who left a waiting list for an alternative service"},
    // The youth-protection chain (tracks.cpp): child-protection measures alongside care.
    {"with_measure", Scope::system, true, true, Unit::youths,
     "Met een maatregel en jeugdbeschermer", "Under a measure with a guardian",
     "gemiddeld aantal jeugdigen met een kinderbeschermingsmaatregel (OTS, voogdij) en een jeugdbeschermer van een gecertificeerde instelling",
     "time-average number of youths under a child-protection measure (OTS, guardianship) with a guardian from a certified institution"},
    {"waiting_for_guardian", Scope::system, true, true, Unit::youths,
     "Wachtend op een jeugdbeschermer", "Waiting for a guardian",
     "gemiddeld aantal jeugdigen met een maatregel die op de wachtlijst van een gecertificeerde instelling op een jeugdbeschermer wachten",
     "time-average number of youths under a measure on a certified institution's waiting list for a guardian"},
    {"held_for_guardian", Scope::system, true, true, Unit::youths,
     "Plaatsing wacht op jeugdbeschermer", "Placement waiting for a guardian",
     "gemiddeld aantal jeugdigen die een verblijfsplek nodig hebben maar pas op de wachtlijst ervan komen als ze een jeugdbeschermer hebben",
     "time-average number of youths who need a placement but join its list only once they have a guardian"},
    // Waits as the youth lives them (wait_episodes.cpp), of all youths.
    {"wait_to_care_days", Scope::system, true, true, Unit::days,
     "Wachttijd tot zorg (dagen)", "Wait to care (days)",
     "gemiddeld aantal dagen van aanmelding (of vertrek uit de vorige voorziening) tot de start van zorg, ook na een alternatief of overbrugging",
     "mean days from referral (or leaving the previous service) to the start of care, also after an alternative or bridging"},
    {"wait_to_care_p50_days", Scope::system, true, false, Unit::days,
     "Wachttijd tot zorg, mediaan (dagen)", "Wait to care, median (days)",
     "de wachttijd tot zorg waaronder de helft bleef (per herhaling, gemiddeld over de herhalingen)",
     "the wait to care that half stayed under (per replication, averaged over replications)"},
    {"wait_to_care_p90_days", Scope::system, true, false, Unit::days,
     "Wachttijd tot zorg, 90e percentiel (dagen)", "Wait to care, 90th percentile (days)",
     "de wachttijd tot zorg waaronder 90% bleef (per herhaling, gemiddeld over de herhalingen)",
     "the wait to care that 90% stayed under (per replication, averaged over replications)"},
    {"wait_to_care_over_norm", Scope::system, true, true, Unit::count,
     "Wachttijd tot zorg boven de norm", "Waits to care over the norm",
     "starts van zorg na een wachttijd langer dan de norm van de voorziening waar eerst werd gewacht",
     "care starts after a wait longer than the norm of the service first waited for"},
    {"wait_to_care_over_norm_share", Scope::system, true, true, Unit::share,
     "Aandeel boven de norm", "Share over the norm",
     "deel van de starts van zorg dat langer dan de norm wachtte",
     "share of the care starts that waited longer than the norm"},
    {"care_starts", Scope::system, true, true, Unit::count,
     "Start van zorg", "Care starts",
     "jeugdigen die met zorg begonnen (een wachtepisode die eindigde in zorg)",
     "youths who started care (wait episodes that ended in care)"},
    {"bridging_days", Scope::system, true, false, Unit::days,
     "Overbruggingszorg (dagen)", "Bridging care (days)",
     "gemiddeld aantal dagen overbruggingszorg van jeugdigen die overbrugd werden tot de start van zorg",
     "mean days in bridging care of the youths who were bridged until their care started"},
    {"reneged_waits", Scope::system, true, true, Unit::count,
     "Gestopt met wachten", "Gave up waiting",
     "jeugdigen die na de maximale wachttijd de zorg verlieten zonder zorg",
     "youths who left care without care after the maximum wait"},
    {"reneged_wait_days", Scope::system, true, false, Unit::days,
     "Wachttijd van wie stopte (dagen)", "Wait of those who gave up (days)",
     "gemiddeld aantal dagen dat wie stopte met wachten had gewacht",
     "mean days that those who gave up waiting had waited"},
    {"left_waiting", Scope::system, true, false, Unit::count,
     "Wachtend uit zorg", "Left care while waiting",
     "jeugdigen die de zorg verlieten terwijl ze wachtten, om een andere reden (18 jaar, wachtlijst vol, geen passende plek)",
     "youths who left care while waiting, for another reason (aged out, list full, no suitable place)"},
    {"left_waiting_days", Scope::system, true, false, Unit::days,
     "Wachttijd van wie wachtend vertrok (dagen)", "Wait of those who left while waiting (days)",
     "gemiddeld aantal dagen dat zij hadden gewacht",
     "mean days they had waited"},
    {"still_waiting_end", Scope::system, true, false, Unit::count,
     "Nog wachtend op de einddatum", "Still waiting at the end",
     "jeugdigen die op de einddatum nog op zorg wachtten",
     "youths still waiting for care at the end of the horizon"},
    {"still_waiting_days", Scope::system, true, false, Unit::days,
     "Wachttijd tot dan van wie nog wacht (dagen)", "Wait so far of those still waiting (days)",
     "gemiddeld aantal dagen dat wie op de einddatum nog wachtte al had gewacht (de wachttijd is nog niet af)",
     "mean days that those still waiting at the end had waited so far (their wait is not over)"},
    {"cost", Scope::system, true, true, Unit::euros,
     "Kosten (euro)", "Cost (euros)",
     "kosten van alle voorzieningen samen", "cost of all services"},
    // The cost split as contracts are written: cost is the sum.
    {"cost_occupied", Scope::system, true, true, Unit::euros,
     "Kosten bezette plekken (euro)", "Cost of occupied places (euros)",
     "kosten van de bezette plekken en opnames van alle voorzieningen samen",
     "cost of the occupied places and admissions of all services"},
    {"cost_vacant", Scope::system, true, true, Unit::euros,
     "Kosten lege plekken (euro)", "Cost of empty places (euros)",
     "kosten van de lege gecontracteerde plekken van alle voorzieningen samen",
     "cost of the empty contracted places of all services"},
    {"cost_fixed", Scope::system, true, true, Unit::euros,
     "Vaste kosten (euro)", "Fixed cost (euros)",
     "vaste kosten van alle voorzieningen samen", "fixed cost of all services"},
    {"in_care_end", Scope::system, true, false, Unit::youths,
     "In zorg of wachtend op de einddatum", "In care at the end",
     "jeugdigen in zorg of op een wachtlijst op de einddatum (na de laatste gebeurtenis)",
     "youths in care or waiting at the end of the horizon"},
    {"events", Scope::system, true, false, Unit::count,
     "Gebeurtenissen (technisch)", "Events simulated",
     "aantal gesimuleerde gebeurtenissen: een maat voor de rekentijd",
     "number of events simulated: a measure of computing time"},
    // Pools of places and aftercare (Pool, Aftercare in scenario.hpp), all services together.
    {"pool_recruited", Scope::system, true, true, Unit::count,
     "Nieuwe plekken (werving)", "Places recruited",
     "plekken die bij de pools van alle voorzieningen kwamen", "places that joined the pools of all services"},
    {"pool_lost", Scope::system, true, true, Unit::count,
     "Verloren plekken (uitval)", "Places lost",
     "plekken die de pools van alle voorzieningen verlieten", "places that left the pools of all services"},
    {"aftercare_given", Scope::system, true, true, Unit::count,
     "Nazorg gekregen", "Aftercare given",
     "jeugdigen die bij vertrek uit de zorg nazorg kregen", "youths who got aftercare on leaving care"},

    // Per region: the youths a region's channels referred, wherever they are placed.
    {"arrivals", Scope::region, true, true, Unit::count,
     "Aanmeldingen", "Referrals",
     "nieuwe aanmeldingen en terugkeer van de jeugdigen van de regio",
     "new referrals plus re-entries of the region's youths"},
    {"new_referrals", Scope::region, true, false, Unit::count,
     "Nieuwe aanmeldingen", "New referrals",
     "eerste aanmeldingen via de kanalen van de regio", "first referrals through the region's channels"},
    {"reentries", Scope::region, true, true, Unit::count,
     "Terugkeer", "Re-entries",
     "jeugdigen van de regio die opnieuw werden aangemeld", "the region's youths referred again"},
    {"exits", Scope::region, true, false, Unit::count,
     "Uitstroom uit de jeugdzorg", "Exits from care",
     "jeugdigen van de regio die de jeugdzorg verlieten", "the region's youths who left care"},
    {"in_care", Scope::region, true, true, Unit::youths,
     "In zorg of wachtend", "In care or waiting",
     "gemiddeld aantal jeugdigen van de regio in zorg of op een wachtlijst",
     "time-average number of the region's youths in care or waiting"},
    {"waiting", Scope::region, true, true, Unit::youths,
     "Op een wachtlijst", "On a waiting list",
     "gemiddeld aantal jeugdigen van de regio op een wachtlijst",
     "time-average number of the region's youths on a waiting list"},
    {"out_of_home", Scope::region, true, true, Unit::youths,
     "Uithuisgeplaatst", "Placed out of home",
     "gemiddeld aantal verblijfsplekken bezet door jeugdigen van de regio",
     "time-average placement places held by the region's youths"},
    {"closed", Scope::region, true, true, Unit::youths,
     "In gesloten jeugdzorg", "In closed care",
     "gemiddeld aantal jeugdigen van de regio in gesloten jeugdzorg",
     "time-average number of the region's youths in closed care"},
    {"closed_admissions", Scope::region, true, true, Unit::count,
     "Plaatsingen gesloten jeugdzorg", "Admissions to closed care",
     "opnames van jeugdigen van de regio in gesloten jeugdzorg",
     "admissions of the region's youths to closed care"},
    {"replacements", Scope::region, true, true, Unit::count,
     "Doorplaatsingen", "Re-placements",
     "doorplaatsingen van jeugdigen van de regio", "re-placements of the region's youths"},
    {"aged_out", Scope::region, true, false, Unit::count,
     "Uitstroom op 18 jaar", "Aged out",
     "jeugdigen van de regio die op leeftijd uitstroomden", "the region's youths who aged out"},
    {"adult_support", Scope::region, true, false, Unit::count,
     "Doorstroom naar volwassenenzorg", "Moved on to adult support",
     "jeugdigen van de regio die doorstroomden naar volwassenenzorg",
     "the region's youths who moved on to adult support"},
    {"no_suitable_place", Scope::region, true, false, Unit::count,
     "Geen passende plek", "No suitable place",
     "aanmeldingen uit de regio zonder passende voorziening",
     "the region's referrals for which no service was suitable"},
    {"shared_admissions", Scope::region, true, true, Unit::count,
     "Opnames in gedeelde voorzieningen", "Admissions to shared services",
     "opnames van jeugdigen van de regio in voorzieningen die regio's delen (zoals JeugdzorgPlus)",
     "admissions of the region's youths to services without a region (such as JeugdzorgPlus)"},
    {"shared_wait_days", Scope::region, true, true, Unit::days,
     "Wachttijd gedeelde voorzieningen (dagen)", "Wait for shared services (days)",
     "gemiddelde wachttijd van die opnames", "mean wait of those admissions"},
    {"wait_days", Scope::region, true, false, Unit::days,
     "Wachttijd op de wachtlijst (dagen)", "Wait on the list (days)",
     "gemiddelde wachttijd van alle opnames van jeugdigen van de regio (zonder overbruggingszorg)",
     "mean wait of all the region's admissions, bridging care left out"},
    {"waits_over_norm", Scope::region, true, false, Unit::count,
     "Wachttijd boven de norm", "Waits over the norm",
     "opnames van jeugdigen van de regio die langer dan de norm wachtten",
     "admissions of the region's youths that waited longer than the norm"},
    // Waits as the youth lives them (wait_episodes.cpp), of the region's youths.
    {"wait_to_care_days", Scope::region, true, true, Unit::days,
     "Wachttijd tot zorg (dagen)", "Wait to care (days)",
     "gemiddeld aantal dagen van aanmelding (of vertrek uit de vorige voorziening) tot de start van zorg van jeugdigen van de regio, ook na een alternatief of overbrugging",
     "mean days from referral (or leaving the previous service) to the start of care of the region's youths, also after an alternative or bridging"},
    {"wait_to_care_p50_days", Scope::region, true, false, Unit::days,
     "Wachttijd tot zorg, mediaan (dagen)", "Wait to care, median (days)",
     "de wachttijd tot zorg waaronder de helft bleef (per herhaling, gemiddeld over de herhalingen)",
     "the wait to care that half stayed under (per replication, averaged over replications)"},
    {"wait_to_care_p90_days", Scope::region, true, false, Unit::days,
     "Wachttijd tot zorg, 90e percentiel (dagen)", "Wait to care, 90th percentile (days)",
     "de wachttijd tot zorg waaronder 90% bleef (per herhaling, gemiddeld over de herhalingen)",
     "the wait to care that 90% stayed under (per replication, averaged over replications)"},
    {"wait_to_care_over_norm", Scope::region, true, true, Unit::count,
     "Wachttijd tot zorg boven de norm", "Waits to care over the norm",
     "starts van zorg van jeugdigen van de regio na een wachttijd langer dan de norm van de voorziening waar eerst werd gewacht",
     "care starts of the region's youths after a wait longer than the norm of the service first waited for"},
    {"wait_to_care_over_norm_share", Scope::region, true, true, Unit::share,
     "Aandeel boven de norm", "Share over the norm",
     "deel van de starts van zorg van jeugdigen van de regio dat langer dan de norm wachtte",
     "share of the care starts of the region's youths that waited longer than the norm"},
    {"care_starts", Scope::region, true, true, Unit::count,
     "Start van zorg", "Care starts",
     "jeugdigen van de regio die met zorg begonnen (een wachtepisode die eindigde in zorg)",
     "the region's youths who started care (wait episodes that ended in care)"},
    {"bridging_days", Scope::region, true, false, Unit::days,
     "Overbruggingszorg (dagen)", "Bridging care (days)",
     "gemiddeld aantal dagen overbruggingszorg van jeugdigen van de regio die overbrugd werden tot de start van zorg",
     "mean days in bridging care of the region's youths who were bridged until their care started"},
    {"reneged_waits", Scope::region, true, true, Unit::count,
     "Gestopt met wachten", "Gave up waiting",
     "jeugdigen van de regio die na de maximale wachttijd de zorg verlieten zonder zorg",
     "the region's youths who left care without care after the maximum wait"},
    {"reneged_wait_days", Scope::region, true, false, Unit::days,
     "Wachttijd van wie stopte (dagen)", "Wait of those who gave up (days)",
     "gemiddeld aantal dagen dat wie stopte met wachten had gewacht",
     "mean days that those who gave up waiting had waited"},
    {"left_waiting", Scope::region, true, false, Unit::count,
     "Wachtend uit zorg", "Left care while waiting",
     "jeugdigen van de regio die de zorg verlieten terwijl ze wachtten, om een andere reden (18 jaar, wachtlijst vol, geen passende plek)",
     "the region's youths who left care while waiting, for another reason (aged out, list full, no suitable place)"},
    {"left_waiting_days", Scope::region, true, false, Unit::days,
     "Wachttijd van wie wachtend vertrok (dagen)", "Wait of those who left while waiting (days)",
     "gemiddeld aantal dagen dat zij hadden gewacht",
     "mean days they had waited"},
    {"still_waiting_end", Scope::region, true, false, Unit::count,
     "Nog wachtend op de einddatum", "Still waiting at the end",
     "jeugdigen van de regio die op de einddatum nog op zorg wachtten",
     "the region's youths still waiting for care at the end of the horizon"},
    {"still_waiting_days", Scope::region, true, false, Unit::days,
     "Wachttijd tot dan van wie nog wacht (dagen)", "Wait so far of those still waiting (days)",
     "gemiddeld aantal dagen dat wie op de einddatum nog wachtte al had gewacht (de wachttijd is nog niet af)",
     "mean days that those still waiting at the end had waited so far (their wait is not over)"},
    {"cost", Scope::region, true, true, Unit::euros,
     "Kosten (euro)", "Cost (euros)",
     "tarieven van de plekken die jeugdigen van de regio bezetten, plus opnamekosten, lege plekken en vaste kosten",
     "tariffs of the places the region's youths held, plus admission costs, empty places and fixed cost"},
    // The cost split: occupied places follow the youth; empty places and fixed cost go to the
    // region of the service, of a shared one in proportion to the regions' referrals.
    {"cost_occupied", Scope::region, true, true, Unit::euros,
     "Kosten bezette plekken (euro)", "Cost of occupied places (euros)",
     "dagtarief en plekprijs van de plekken die jeugdigen van de regio bezetten, plus opnamekosten",
     "day tariff and place price of the places the region's youths held, plus admission costs"},
    {"cost_vacant", Scope::region, true, true, Unit::euros,
     "Kosten lege plekken (euro)", "Cost of empty places (euros)",
     "lege plekken van de eigen voorzieningen, en van gedeelde naar het aandeel van de regio in de aanmeldingen",
     "empty places of the region's own services, and of shared ones by the region's share of referrals"},
    {"cost_fixed", Scope::region, true, true, Unit::euros,
     "Vaste kosten (euro)", "Fixed cost (euros)",
     "vaste kosten van de eigen voorzieningen, en van gedeelde naar het aandeel van de regio in de aanmeldingen",
     "fixed cost of the region's own services, and of shared ones by the region's share of referrals"},

    // Per municipality (gemeente): the youths who live there (woonplaatsbeginsel), wherever
    // they are placed; the municipalities add up to the system (municipalities.cpp).
    {"arrivals", Scope::municipality, true, true, Unit::count,
     "Aanmeldingen", "Referrals",
     "nieuwe aanmeldingen en terugkeer van jeugdigen uit de gemeente",
     "new referrals plus re-entries of the municipality's youths"},
    {"in_care", Scope::municipality, true, true, Unit::youths,
     "In zorg of wachtend", "In care or waiting",
     "gemiddeld aantal jeugdigen uit de gemeente in zorg of op een wachtlijst",
     "time-average number of the municipality's youths in care or waiting"},
    {"waiting", Scope::municipality, true, true, Unit::youths,
     "Op een wachtlijst", "On a waiting list",
     "gemiddeld aantal jeugdigen uit de gemeente op een wachtlijst",
     "time-average number of the municipality's youths on a waiting list"},
    {"out_of_home", Scope::municipality, true, true, Unit::youths,
     "Uithuisgeplaatst", "Placed out of home",
     "gemiddeld aantal verblijfsplekken bezet door jeugdigen uit de gemeente",
     "time-average placement places held by the municipality's youths"},
    {"closed", Scope::municipality, true, true, Unit::youths,
     "In gesloten jeugdzorg", "In closed care",
     "gemiddeld aantal jeugdigen uit de gemeente in gesloten jeugdzorg",
     "time-average number of the municipality's youths in closed care"},
    {"closed_admissions", Scope::municipality, true, true, Unit::count,
     "Plaatsingen gesloten jeugdzorg", "Admissions to closed care",
     "opnames van jeugdigen uit de gemeente in gesloten jeugdzorg",
     "admissions of the municipality's youths to closed care"},
    {"cost", Scope::municipality, true, true, Unit::euros,
     "Kosten (euro)", "Cost (euros)",
     "wat de gemeente betaalt: per voorziening het deel van de kosten naar het gebruik door haar jeugdigen, en het solidair gedeelde deel naar haar aandeel in de jeugdigen van 0-17",
     "what the municipality pays: per service the share of the cost by its youths' use, and the share pooled in solidarity by its share of the youths aged 0-17"},
    {"cost_occupied", Scope::municipality, true, true, Unit::euros,
     "Kosten bezette plekken (euro)", "Cost of occupied places (euros)",
     "het deel van de gemeente in de kosten van bezette plekken (dagtarief, plekprijs en opnamekosten), naar het gebruik door haar jeugdigen en het solidaire deel",
     "the municipality's part of the cost of occupied places (day tariff, place price and admissions), by its youths' use and the solidarity share"},
    {"cost_vacant", Scope::municipality, true, true, Unit::euros,
     "Kosten lege plekken (euro)", "Cost of empty places (euros)",
     "het deel van de gemeente in de kosten van ingekochte plekken die leeg stonden, naar het gebruik door haar jeugdigen en het solidaire deel",
     "the municipality's part of the cost of contracted places that stood empty, by its youths' use and the solidarity share"},
    {"cost_fixed", Scope::municipality, true, true, Unit::euros,
     "Vaste kosten (euro)", "Fixed cost (euros)",
     "het deel van de gemeente in de vaste kosten, naar het gebruik door haar jeugdigen en het solidaire deel",
     "the municipality's part of the fixed cost, by its youths' use and the solidarity share"},
});
// clang-format on

/// The catalogue's entry for (scope, id), or nullptr: for ids that come from users (a sizing
/// target, a column asked for), where an unknown id is their mistake, not the code's.
constexpr const OutcomeDefinition* find_outcome(Scope scope, std::string_view id) {
    for (const auto& outcome : outcome_catalogue)
        if (outcome.scope == scope && outcome.id == id)
            return &outcome;
    return nullptr;
}

namespace detail {
template <Scope S, bool PerPeriod> consteval bool listed(const OutcomeDefinition& outcome) {
    return outcome.scope == S && (PerPeriod ? outcome.per_period : outcome.whole_horizon);
}

template <Scope S, bool PerPeriod> consteval std::size_t count_listed() {
    std::size_t n = 0;
    for (const auto& outcome : outcome_catalogue)
        n += listed<S, PerPeriod>(outcome) ? 1 : 0;
    return n;
}

template <Scope S, bool PerPeriod> consteval auto listed_ids() {
    std::array<std::string_view, count_listed<S, PerPeriod>()> ids{};
    std::size_t i = 0;
    for (const auto& outcome : outcome_catalogue)
        if (listed<S, PerPeriod>(outcome))
            ids[i++] = outcome.id;
    return ids;
}

consteval bool ids_unique_per_scope() {
    for (std::size_t i = 0; i < outcome_catalogue.size(); ++i)
        for (std::size_t j = i + 1; j < outcome_catalogue.size(); ++j)
            if (outcome_catalogue[i].scope == outcome_catalogue[j].scope &&
                outcome_catalogue[i].id == outcome_catalogue[j].id)
                return false;
    return true;
}
static_assert(ids_unique_per_scope(), "an outcome id is defined twice in one scope");
} // namespace detail

/// The ids of a scope's whole-horizon (PerPeriod = false) or per-period outcomes, in catalogue
/// order: the layout of a replication's results.
template <Scope S, bool PerPeriod>
inline constexpr auto outcome_ids = detail::listed_ids<S, PerPeriod>();

/// Index of `id` in `ids`, or ids.size() when absent: for ids that users give.
template <std::size_t N>
constexpr std::size_t metric_index(const std::array<std::string_view, N>& ids,
                                   std::string_view id) {
    for (std::size_t i = 0; i < N; ++i)
        if (ids[i] == id)
            return i;
    return N;
}

/// An outcome id written in code, checked when the code compiles: `MetricOf<ids>("wait_days")`
/// is the index of "wait_days" in ids, and a misspelt id does not compile (the immediate
/// function cannot be evaluated), instead of writing silently into the next cell.
template <const auto& Ids> struct MetricOf {
    std::size_t index;
    template <std::size_t N>
    consteval MetricOf(const char (&id)[N]) : index(checked(std::string_view(id, N - 1))) {}

  private:
    static consteval std::size_t checked(std::string_view id) {
        const std::size_t i = metric_index(Ids, id);
        if (i == Ids.size())
            throw "unknown outcome id: not in this list of the outcome catalogue (metrics.hpp)";
        return i;
    }
};

} // namespace zorgsim::care
