using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kennisplatform.Web.Accounts.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkflowMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "WorkflowMailOff",
                table: "AccountUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WorkflowMailOff",
                table: "AccountUsers");
        }
    }
}
