using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kennisplatform.Web.Accounts.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class OwnPassword : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                table: "AccountUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MustChangePassword",
                table: "AccountUsers");
        }
    }
}
