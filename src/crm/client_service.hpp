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

class ClientService {
 public:
  ClientService(store::Store& store, const core::Clock& clock, const EventLog& events)
      : store_(store), clock_(clock), events_(events) {}

  core::Result<store::ClientRecord> create(const NewClient& input, const auth::Actor& actor);
  core::Result<store::ClientRecord> update(std::int64_t id, const ClientChanges& changes,
                                           const auth::Actor& actor);
  core::Result<store::ClientRecord> get(std::int64_t id);
  core::Result<ClientPage> list(const store::ClientFilter& filter);

 private:
  store::Store& store_;
  const core::Clock& clock_;
  const EventLog& events_;
};

boost::json::object client_to_json(const store::ClientRecord& client);

}  // namespace laurel::crm
