// laurel user add | passwd | list | disable

#include <fmt/format.h>

#include <iostream>

#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/password_prompt.hpp"

namespace laurel::cli {
namespace {

struct UserOptions {
  CommonOptions common;
  std::string username;
  std::string display_name;
  std::string role = "sales";
  std::optional<std::string> email;
  bool include_disabled = false;
};

std::string role_list() {
  std::string names;
  for (auth::Role role : auth::all_roles()) {
    names += fmt::format("\n  {:<12} {}", auth::to_string(role), auth::describe(role));
  }
  return names;
}

}  // namespace

void add_user_commands(CLI::App& app, Run& run) {
  static UserOptions o;
  auto* user = app.add_subcommand("user",
                                  "Manage users (passwords are read from the terminal "
                                  "or standard input)");
  user->require_subcommand(1);

  auto* add = user->add_subcommand("add", "Create a user; roles:" + role_list());
  add_common_options(*add, o.common, false);
  add->add_option("username", o.username, "Login name: a-z 0-9 . _ -")->required();
  add->add_option("--name", o.display_name, "Display name, e.g. 王芳")->required();
  add->add_option("--role", o.role, "admin, manager, sales, service or integration")
      ->capture_default_str();
  add->add_option("--email", o.email, "E-mail address");
  add->callback([&run] {
    run = [] {
      auto role = auth::parse_role(o.role);
      if (!role) return fail(core::Error::invalid("--role", "unknown role " + o.role));
      auto app_ = open_application(o.common);
      if (!app_) return fail(app_.error());
      auth::NewUser input{o.username, o.display_name, o.email, *role, std::nullopt};
      if (auth::logs_in_interactively(*role)) {
        input.password = read_new_password();
        if (!input.password) return fail(core::Error::invalid("password", "none given"));
      }
      auto created =
          (*app_)->services().users.create(input, auth::Actor::command_line(operator_name()));
      if (!created) return fail(created.error());
      std::cout << "created user " << created->username << " (id " << created->id << ", "
                << created->role << ")\n";
      return 0;
    };
  });

  auto* passwd = user->add_subcommand("passwd", "Set a user's password; signs them out");
  add_common_options(*passwd, o.common, false);
  passwd->add_option("username", o.username, "Login name")->required();
  passwd->callback([&run] {
    run = [] {
      auto app_ = open_application(o.common);
      if (!app_) return fail(app_.error());
      auto& users = (*app_)->services().users;
      auto found = users.get_by_username(o.username);
      if (!found) return fail(found.error());
      auto password = read_new_password();
      if (!password) return fail(core::Error::invalid("password", "none given"));
      auto changed =
          users.set_password(found->id, *password, auth::Actor::command_line(operator_name()));
      if (!changed) return fail(changed.error());
      std::cout << "password of " << o.username << " changed; their sessions are signed out\n";
      return 0;
    };
  });

  auto* list = user->add_subcommand("list", "List users");
  add_common_options(*list, o.common, false);
  list->add_flag("--all", o.include_disabled, "Include disabled users");
  list->callback([&run] {
    run = [] {
      auto app_ = open_application(o.common);
      if (!app_) return fail(app_.error());
      store::UserFilter filter;
      if (!o.include_disabled) filter.active = true;
      filter.limit = 200;
      std::cout << fmt::format("{:>6}  {:<24} {:<12} {:<8} {}\n", "id", "username", "role",
                               "active", "name");
      for (;;) {
        auto page = (*app_)->services().users.list(filter);
        if (!page) return fail(page.error());
        for (const auto& u : page->users) {
          std::cout << fmt::format("{:>6}  {:<24} {:<12} {:<8} {}\n", u.id, u.username, u.role,
                                   u.active ? "yes" : "no", u.display_name);
        }
        if (!page->next_after_id) break;
        filter.after_id = *page->next_after_id;
      }
      return 0;
    };
  });

  auto* disable = user->add_subcommand("disable", "Disable a user and sign them out");
  add_common_options(*disable, o.common, false);
  disable->add_option("username", o.username, "Login name")->required();
  disable->callback([&run] {
    run = [] {
      auto app_ = open_application(o.common);
      if (!app_) return fail(app_.error());
      auto& users = (*app_)->services().users;
      auto found = users.get_by_username(o.username);
      if (!found) return fail(found.error());
      auth::UserChanges changes;
      changes.active = false;
      auto changed = users.update(found->id, changes, auth::Actor::command_line(operator_name()));
      if (!changed) return fail(changed.error());
      std::cout << "disabled " << o.username << "\n";
      return 0;
    };
  });
}

}  // namespace laurel::cli
