// KeyPeopleService::import: key people from a file, matched to those already stored.

#include <map>
#include <tuple>

#include "core/timestamp.hpp"
#include "crm/key_people_service.hpp"
#include "crm/org_chart_service.hpp"
#include "crm/resolver.hpp"
#include "crm/text_rules.hpp"
#include "store/key_person_repository.hpp"
#include "store/org_unit_repository.hpp"

namespace laurel::crm {
namespace {

using core::Error;
using Recorded = core::Result<std::pair<ImportOutcome, std::int64_t>>;

const std::optional<std::string>& given(const std::optional<std::optional<std::string>>& cell) {
  static const std::optional<std::string> none;
  return cell ? *cell : none;
}

// The stored person a row stands for, if any (see KeyPeopleService::import).
core::Result<std::optional<std::int64_t>> match(store::Connection& db, std::int64_t client,
                                                const KeyPersonImportRow& row) {
  auto people = store::KeyPersonRepository(db).of_client(client);
  if (!people) return people.error();
  const auto& phone = given(row.cells.phone);
  const auto& email = given(row.cells.email);
  std::vector<std::int64_t> same_contact, no_contact;
  for (const auto& p : *people) {
    if (p.erased_at || p.name != *row.cells.name) continue;
    if (phone ? p.phone == phone : email ? p.email == email : true) {
      same_contact.push_back(p.id);
    } else if (phone ? !p.phone : !p.email) {
      no_contact.push_back(p.id);
    }
  }
  const auto& candidates = same_contact.empty() ? no_contact : same_contact;
  if (candidates.size() > 1) {
    return Error::invalid("name", "several key people of this client are called " +
                                      *row.cells.name +
                                      ": give a phone or an email to tell them apart");
  }
  if (candidates.empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(candidates.front());
}

// The client's unit of that name (the first, if several), made at the top level if missing.
core::Result<std::int64_t> unit_named(store::Connection& db, const EventLog& events,
                                      const core::Clock& clock, std::int64_t client,
                                      const std::string& name, const auth::Actor& actor) {
  if (auto s = check_text("org_unit", name, 100); !s) return s.error();
  store::OrgUnitRepository units(db);
  auto existing = units.of_client(client);
  if (!existing) return existing.error();
  for (const auto& u : *existing) {
    if (u.name == name) return u.id;
  }
  store::OrgUnitRecord unit{0, client, std::nullopt, name, 0, 0};
  unit.created_at = unit.updated_at = core::to_micros(clock.now());
  auto id = units.insert(unit);
  if (!id) return id.error();
  unit.id = *id;
  auto seq = events.append(db, actor,
                           {"org_unit.created", "org_unit", std::to_string(unit.id), std::nullopt,
                            org_unit_to_json(unit), std::nullopt});
  if (!seq) return seq.error();
  return unit.id;
}

// Runs `row` so that it writes everything or nothing, whatever the rest of the batch does.
template <class Row>
Recorded atomically(store::Connection& db, Row row) {
  if (auto s = db.query("SAVEPOINT import_row"); !s) return s.error();
  auto recorded = row();
  if (!recorded) {
    if (auto s = db.query("ROLLBACK TO import_row"); !s) return s.error();
  }
  if (auto s = db.query("RELEASE import_row"); !s) return s.error();
  return recorded;
}

}  // namespace

core::Result<ImportReport> KeyPeopleService::import(
    const std::vector<core::Result<KeyPersonImportRow>>& rows, bool partial,
    const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  Resolver resolver(db);
  std::map<std::tuple<std::int64_t, std::string, std::string>, std::size_t> seen;
  auto report = run_rows<ImportOutcome>(
      rows, partial, [&](const KeyPersonImportRow& in, std::size_t row) -> Recorded {
        std::optional<std::tuple<std::int64_t, std::string, std::string>> seen_key;
        auto recorded = atomically(db, [&]() -> Recorded {
          auto client = resolver.client(in.client_id, in.client_registration_code);
          if (!client) return client.error();
          const auto& phone = given(in.cells.phone);
          const auto& email = given(in.cells.email);
          const auto key = std::tuple{*client, *in.cells.name,
                                      phone   ? "p" + *phone
                                      : email ? "e" + *email
                                              : std::string()};
          if (auto it = seen.find(key); it != seen.end()) {
            return Error::invalid("name",
                                  "repeats the key person of row " + std::to_string(it->second));
          }
          seen_key = key;
          auto existing = match(db, *client, in);
          if (!existing) return existing.error();
          auto cells = in.cells;
          if (in.org_unit) {
            auto unit = unit_named(db, events_, clock_, *client, *in.org_unit, actor);
            if (!unit) return unit.error();
            cells.org_unit_id = std::optional<std::int64_t>(*unit);
          }
          if (*existing) {
            auto updated = update_in(db, **existing, cells, actor);
            if (!updated) return updated.error();
            return std::pair{updated->changed ? ImportOutcome::updated : ImportOutcome::unchanged,
                             updated->record.id};
          }
          if (!cells.decision_role) {
            return Error::invalid("decision_role", "is required for a new key person");
          }
          if (!cells.influence)
            return Error::invalid("influence", "is required for a new key person");
          NewKeyPerson person;
          person.client_id = *client;
          person.fields.name = *cells.name;
          person.fields.title = given(cells.title);
          person.fields.decision_role = *cells.decision_role;
          person.fields.influence = *cells.influence;
          person.fields.phone = phone;
          person.fields.email = email;
          person.fields.wechat = given(cells.wechat);
          if (cells.org_unit_id) person.fields.org_unit_id = *cells.org_unit_id;
          if (cells.touch_frequency_days) {
            person.fields.touch_frequency_days = *cells.touch_frequency_days;
          }
          auto created = create_in(db, person, actor);
          if (!created) return created.error();
          return std::pair{ImportOutcome::created, created->id};
        });
        if (recorded && seen_key) seen.emplace(*seen_key, row);  // a failed row sets no precedent
        return recorded;
      });
  if (!report) return report.error();
  if (report->commit(partial)) {
    if (auto s = write->commit(); !s) return s.error();
  }
  return report;
}

}  // namespace laurel::crm
