#pragma once
// Clients: the institutions the sales team serves, one company-wide record each (master data),
// identified by a checked unified social credit code. A second client with a code already
// registered is refused with a pointer to the existing one. Every change is validated and
// appended to the event log with the client before and after.
//
// Still to come on clients (see the CRM issue): coverage and credit splits, the status that
// follows from activation, merging duplicates, pinyin search, imports.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "crm/event_log.hpp"
#include "crm/import_report.hpp"
#include "store/client_merge.hpp"
#include "store/client_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

std::span<const std::string_view> client_types();

struct NewClient {
  std::string name;
  std::optional<std::string> short_name;
  std::string registration_code;
  std::string type;
  std::optional<std::string> region;
};

struct ClientChanges {
  std::optional<std::string> name;
  std::optional<std::optional<std::string>> short_name;
  std::optional<std::string> registration_code;
  std::optional<std::string> type;
  std::optional<std::optional<std::string>> region;
};

struct ClientPage {
  std::vector<store::ClientRecord> clients;
  std::optional<std::int64_t> next_after_id;
};

struct MergeResult {
  store::ClientRecord survivor;
  store::ClientRecord merged;  // the duplicate, now pointing to the survivor
  store::MovedRecords moved;
};

class ClientService {
 public:
  ClientService(store::Store& store, const core::Clock& clock, const EventLog& events)
      : store_(store), clock_(clock), events_(events) {}

  core::Result<store::ClientRecord> create(const NewClient& input, const auth::Actor& actor);
  core::Result<store::ClientRecord> update(std::int64_t id, const ClientChanges& changes,
                                           const auth::Actor& actor);
  core::Result<store::ClientRecord> get(std::int64_t id);
  core::Result<ClientPage> list(const store::ClientFilter& filter);
  // Admins merge a duplicate into the client that survives: every trade, balance, visit,
  // service record, org unit, key person, opportunity and client target moves to the survivor
  // (balances of the same product and day are added up; the survivor's own targets and coverage
  // win a clash); the duplicate stays, marked merged_into, out of lists and search, and can no
  // longer be changed. Events: client.merged on the survivor, client.merged_into on the duplicate.
  // Clients from a file, de-duplicated by registration code: a new code creates a client, a
  // known one updates it with the row's non-empty cells (or leaves it unchanged); a code twice
  // in the file is an error on the second row. All or nothing unless `partial`.
  core::Result<ImportReport> import(const std::vector<core::Result<NewClient>>& rows, bool partial,
                                    const auth::Actor& actor);
  core::Result<MergeResult> merge(std::int64_t survivor_id, std::int64_t duplicate_id,
                                  const auth::Actor& actor);

 private:
  // create and update inside the caller's write transaction (single writes and imports).
  core::Result<store::ClientRecord> create_in(store::Connection& db, const NewClient& input,
                                              const auth::Actor& actor);
  core::Result<Updated<store::ClientRecord>> update_in(store::Connection& db, std::int64_t id,
                                                       const ClientChanges& changes,
                                                       const auth::Actor& actor);

  store::Store& store_;
  const core::Clock& clock_;
  const EventLog& events_;
};

boost::json::object client_to_json(const store::ClientRecord& client);
// {"client": the survivor, "merged_client": the duplicate, "moved": counts by kind}.
boost::json::object merge_result_to_json(const MergeResult& result);

}  // namespace laurel::crm
