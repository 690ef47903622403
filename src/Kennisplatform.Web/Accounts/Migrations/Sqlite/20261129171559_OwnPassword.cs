using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kennisplatform.Web.Accounts.Migrations.Sqlite
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
                type: "INTEGER",
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
