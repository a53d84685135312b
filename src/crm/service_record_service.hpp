#pragma once
// Service records: what other departments (operations, trading, research, back office...) did
// for a client, so that the salesperson covering it sees the whole relationship. The department
// is the author's department today unless named; the author (and admins) correct or delete their
// records. Read scope: admins all; managers their department subtree's records and those of
// clients they cover; salespeople those of clients they cover today; everyone their own.
//
// Events: service_record.recorded / .updated / .deleted, occurred_at = when the service happened.

#include <boost/json/object.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "auth/principal.hpp"
#include "crm/data_scope.hpp"
#include "crm/event_log.hpp"
#include "store/service_record_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

std::span<const std::string_view> service_kinds();

struct ServiceRecordInput {
  std::int64_t client_id = 0;
  std::optional<std::int64_t> department_id;  // default: the author's department today
  std::string kind;
  std::string text;
  core::Timestamp occurred_at{};
};

struct ServiceRecordChanges {
  std::optional<std::string> kind;
  std::optional<std::string> text;
  std::optional<core::Timestamp> occurred_at;
};

struct ServiceRecordPage {
  std::vector<store::ServiceRecord> records;
  std::optional<std::int64_t> next_after_id;
};

class ServiceRecordService {
 public:
  ServiceRecordService(store::Store& store, const core::Clock& clock, const EventLog& events,
                       DataScopes& scopes)
      : store_(store), clock_(clock), events_(events), scopes_(scopes) {}

  core::Result<store::ServiceRecord> create(const ServiceRecordInput& input,
                                            const auth::Principal& caller,
                                            const auth::Actor& actor);
  core::Result<store::ServiceRecord> update(std::int64_t id, const ServiceRecordChanges& changes,
                                            const auth::Principal& caller,
                                            const auth::Actor& actor);
  core::Status remove(std::int64_t id, const auth::Principal& caller, const auth::Actor& actor);
  core::Result<store::ServiceRecord> get(std::int64_t id, const auth::Principal& caller);
  core::Result<ServiceRecordPage> list(const store::ServiceRecordFilter& filter,
                                       const auth::Principal& caller);

 private:
  core::Result<store::ServiceRecord> load_own(store::Connection& db, std::int64_t id,
                                              const auth::Principal& caller,
                                              const DataScope& scope);

  store::Store& store_;
  const core::Clock& clock_;
  const EventLog& events_;
  DataScopes& scopes_;
};

boost::json::object service_record_to_json(const store::ServiceRecord& record);

}  // namespace laurel::crm
