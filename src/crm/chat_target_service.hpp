#pragma once
// The group-chat bots good news goes to, as admins configure them: a channel, the webhook URL
// (http or https only; checked by the API), an optional signing secret, the audience (everyone's
// good news, or that of some departments and their subtrees), the language of the words, and
// how many messages a minute the bot takes, its quiet hours and its cap of messages a day
// (crm/chat_quiet_hours.hpp: what they hold back waits, it is never dropped). Every change is in
// the audit log, without the secrets. The URL and secret are never shown back: a bot's URL holds
// its key. (The departments named are checked to exist: crm/record_checks.hpp.)

#include <optional>
#include <string>
#include <vector>

#include "auth/audit_trail.hpp"
#include "core/clock.hpp"
#include "store/chat_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct ChatTargetChange {
  std::optional<std::string> name;
  std::optional<std::string> channel;  // on creation only
  std::optional<std::string> url;
  std::optional<std::optional<std::string>> secret;
  std::optional<std::vector<std::int64_t>> department_ids;
  std::optional<std::string> language;
  std::optional<int> max_per_minute;
  // Quiet hours as minutes after midnight, company time; both or neither (null: none).
  std::optional<std::optional<int>> quiet_from;
  std::optional<std::optional<int>> quiet_to;
  std::optional<std::optional<int>> max_per_day;
  std::optional<bool> enabled;
};

class ChatTargetService {
 public:
  ChatTargetService(store::Store& store, const core::Clock& clock, auth::AuditTrail& audit)
      : store_(store), clock_(clock), audit_(audit) {}

  core::Result<store::ChatTargetRecord> create(const ChatTargetChange& input,
                                               const auth::Actor& actor);
  core::Result<store::ChatTargetRecord> update(std::int64_t id, const ChatTargetChange& change,
                                               const auth::Actor& actor);
  core::Result<store::ChatTargetRecord> get(std::int64_t id);
  core::Result<std::vector<store::ChatTargetRecord>> list();

 private:
  store::Store& store_;
  const core::Clock& clock_;
  auth::AuditTrail& audit_;
};

// Messages a minute a bot takes unless told: WeCom's and DingTalk's documented 20, Feishu's 100.
int default_max_per_minute(std::string_view channel);
// The URL shown back: its scheme and host only ("https://qyapi.weixin.qq.com/…").
std::string url_hint(std::string_view url);
boost::json::object chat_target_to_json(const store::ChatTargetRecord& target);

}  // namespace laurel::crm
