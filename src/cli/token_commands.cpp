// laurel token create | list | revoke

#include <fmt/format.h>

#include <iostream>

#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "core/timestamp.hpp"

namespace laurel::cli {
namespace {

struct TokenOptions {
  CommonOptions common;
  std::string username;
  std::string name;
  std::optional<int> expires_days;
  std::int64_t id = 0;
};

std::string time_or_dash(const std::optional<std::int64_t>& micros) {
  return micros ? core::format_rfc3339(core::from_micros(*micros)).substr(0, 19) : "-";
}

}  // namespace

void add_token_commands(CLI::App& app, Run& run) {
  static TokenOptions o;
  auto* token = app.add_subcommand("token", "Manage API tokens of integration users");
  token->require_subcommand(1);

  auto* create = token->add_subcommand("create", "Create an API token; it is printed once");
  add_common_options(*create, o.common, false);
  create->add_option("--user", o.username, "The integration user it acts as")->required();
  create->add_option("--name", o.name, "What it is for, e.g. \"data warehouse\"")->required();
  create->add_option("--expires-days", o.expires_days, "Days until it expires (default: never)")
      ->check(CLI::Range(1, 3650));
  create->callback([&run] {
    run = [] {
      auto app_ = open_application(o.common);
      if (!app_) return fail(app_.error());
      auto& services = (*app_)->services();
      auto user = services.users.get_by_username(o.username);
      if (!user) return fail(user.error());
      auth::NewApiToken input{o.name, user->id, std::nullopt};
      if (o.expires_days) {
        input.expires_at = services.clock.now() + std::chrono::days(*o.expires_days);
      }
      auto created = services.tokens.create(input, auth::Actor::command_line(operator_name()));
      if (!created) return fail(created.error());
      std::cerr << "API token " << created->record.id << " for " << o.username
                << " (shown only now; store it safely):\n";
      std::cout << created->token << "\n";
      return 0;
    };
  });

  auto* list = token->add_subcommand("list", "List API tokens");
  add_common_options(*list, o.common, false);
  list->add_option("--user", o.username, "Only this user's tokens");
  list->callback([&run] {
    run = [] {
      auto app_ = open_application(o.common);
      if (!app_) return fail(app_.error());
      auto& services = (*app_)->services();
      std::optional<std::int64_t> user_id;
      if (!o.username.empty()) {
        auto user = services.users.get_by_username(o.username);
        if (!user) return fail(user.error());
        user_id = user->id;
      }
      std::cout << fmt::format("{:>6}  {:<12} {:<24} {:>7}  {:<19}  {:<19}  {}\n", "id", "prefix",
                               "name", "user", "expires", "revoked", "last used");
      std::int64_t after = 0;
      for (;;) {
        auto page = services.tokens.list(user_id, after, 200);
        if (!page) return fail(page.error());
        for (const auto& t : page->tokens) {
          std::cout << fmt::format("{:>6}  {:<12} {:<24} {:>7}  {:<19}  {:<19}  {}\n", t.id,
                                   t.token_prefix, t.name, t.user_id, time_or_dash(t.expires_at),
                                   time_or_dash(t.revoked_at), time_or_dash(t.last_used_at));
        }
        if (!page->next_after_id) break;
        after = *page->next_after_id;
      }
      return 0;
    };
  });

  auto* revoke = token->add_subcommand("revoke", "Revoke an API token at once");
  add_common_options(*revoke, o.common, false);
  revoke->add_option("id", o.id, "Token id (from `laurel token list`)")->required();
  revoke->callback([&run] {
    run = [] {
      auto app_ = open_application(o.common);
      if (!app_) return fail(app_.error());
      auto revoked =
          (*app_)->services().tokens.revoke(o.id, auth::Actor::command_line(operator_name()));
      if (!revoked) return fail(revoked.error());
      std::cout << "revoked API token " << o.id << "\n";
      return 0;
    };
  });
}

}  // namespace laurel::cli
