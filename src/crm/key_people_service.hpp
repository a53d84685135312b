#pragma once
// Key people of a client: who decides, who influences, who keeps the gate, how they reach each
// other (reports-to, same client, no cycles), where they sit in the org chart, how to contact
// them and how often the team should.
//
// Contact details are personal information (PIPL):
// - outside the caller's contact scope (crm::ContactAccess) they are masked ("138****5678");
// - every unmasked disclosure is logged in contact_views (who, when, via a record, list or
//   org chart), which admins read per person;
// - event payloads never carry personal fields (name, title, contact details): they carry the
//   structure (client, unit, reporting line, roles) and which personal fields changed, so that
//   erasing a person from the key_people row erases them everywhere while the append-only log
//   stays whole;
// - erasure (admins, on request) clears every personal field and keeps the row, so visit
//   counts, role coverage and totals do not change.
//
// A key person who moves to another institution is moved (POST .../move), not re-created: their
// visits stay theirs; their place in the old org chart (unit, reporting line, people reporting
// to them) is cleared.

#include <boost/json/object.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "crm/data_scope.hpp"
#include "crm/event_log.hpp"
#include "crm/import_report.hpp"
#include "store/key_person_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

std::span<const std::string_view> decision_roles();
std::span<const std::string_view> influences();

struct KeyPersonFields {
  std::optional<std::int64_t> org_unit_id;
  std::optional<std::int64_t> reports_to_id;
  std::string name;
  std::optional<std::string> title;
  std::string decision_role;
  std::string influence;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::optional<std::string> wechat;
  std::optional<std::int64_t> touch_frequency_days;
  bool active = true;
};

struct NewKeyPerson {
  std::int64_t client_id = 0;
  KeyPersonFields fields;
};

struct KeyPersonChanges {
  std::optional<std::optional<std::int64_t>> org_unit_id;
  std::optional<std::optional<std::int64_t>> reports_to_id;
  std::optional<std::string> name;
  std::optional<std::optional<std::string>> title;
  std::optional<std::string> decision_role;
  std::optional<std::string> influence;
  std::optional<std::optional<std::string>> phone;
  std::optional<std::optional<std::string>> email;
  std::optional<std::optional<std::string>> wechat;
  std::optional<std::optional<std::int64_t>> touch_frequency_days;
  std::optional<bool> active;
};

// One row of a key-people import: the client (by id or registration code), the unit by name,
// and the cells given (name always; decision role and influence for someone new).
struct KeyPersonImportRow {
  std::optional<std::int64_t> client_id;
  std::optional<std::string> client_registration_code;
  std::optional<std::string> org_unit;
  KeyPersonChanges cells;
};

struct KeyPersonMove {
  std::int64_t client_id = 0;
  std::optional<std::int64_t> org_unit_id;
  std::optional<std::int64_t> reports_to_id;
  std::optional<std::optional<std::string>> title;  // absent: kept
};

// How a key person's contact details are shown to the caller.
enum class Disclosure { full, masked };

struct KeyPersonView {
  store::KeyPersonRecord person;
  Disclosure disclosure = Disclosure::masked;
};

struct KeyPersonPage {
  std::vector<KeyPersonView> people;
  std::optional<std::int64_t> next_after_id;
};

class KeyPeopleService {
 public:
  KeyPeopleService(store::Store& store, const core::Clock& clock, const EventLog& events,
                   DataScopes& scopes)
      : store_(store), clock_(clock), events_(events), scopes_(scopes) {}

  core::Result<KeyPersonView> create(const NewKeyPerson& input, const auth::Principal& caller,
                                     const auth::Actor& actor);
  core::Result<KeyPersonView> update(std::int64_t id, const KeyPersonChanges& changes,
                                     const auth::Principal& caller, const auth::Actor& actor);
  core::Result<KeyPersonView> move(std::int64_t id, const KeyPersonMove& move,
                                   const auth::Principal& caller, const auth::Actor& actor);
  core::Result<KeyPersonView> erase(std::int64_t id, const auth::Actor& actor);

  // Reads log every unmasked disclosure under `via` ("record", "list", "org_chart").
  // Key people from a file. A row is the same person as a stored one of that client with the
  // same name and, when the row gives one, the same phone (else email) — or no phone (email)
  // yet; it then updates them with its non-empty cells (or leaves them unchanged). Otherwise it
  // creates someone new. Units are found by name at the client and made when missing. A row
  // naming several stored namesakes without a phone or email to tell them apart, or repeating
  // an earlier row, is an error. All or nothing unless `partial`; each row is all or nothing.
  core::Result<ImportReport> import(const std::vector<core::Result<KeyPersonImportRow>>& rows,
                                    bool partial, const auth::Actor& actor);
  core::Result<KeyPersonView> get(std::int64_t id, const auth::Principal& caller);
  core::Result<KeyPersonPage> list(const store::KeyPersonFilter& filter,
                                   const auth::Principal& caller);
  core::Result<std::vector<KeyPersonView>> of_client(std::int64_t client_id,
                                                     const auth::Principal& caller);
  core::Result<std::vector<std::pair<std::int64_t, store::ContactView>>> contact_views(
      std::int64_t id, std::int64_t before_id, int limit);

 private:
  // create and update inside the caller's write transaction (single writes and imports).
  core::Result<store::KeyPersonRecord> create_in(store::Connection& db, const NewKeyPerson& input,
                                                 const auth::Actor& actor);
  core::Result<Updated<store::KeyPersonRecord>> update_in(store::Connection& db, std::int64_t id,
                                                          const KeyPersonChanges& changes,
                                                          const auth::Actor& actor);
  core::Result<std::vector<KeyPersonView>> disclose(std::vector<store::KeyPersonRecord> people,
                                                    const auth::Principal& caller,
                                                    std::string_view via);

  store::Store& store_;
  const core::Clock& clock_;
  const EventLog& events_;
  DataScopes& scopes_;
};

boost::json::object key_person_to_json(const KeyPersonView& view);
// "13812345678" -> "138****5678", "li.lei@bank.cn" -> "l***@bank.cn", "lilei88" -> "l***".
std::string mask_phone(std::string_view phone);
std::string mask_email(std::string_view email);
std::string mask_handle(std::string_view handle);

}  // namespace laurel::crm
