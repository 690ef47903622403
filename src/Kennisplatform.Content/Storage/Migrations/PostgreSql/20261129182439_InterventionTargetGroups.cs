using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kennisplatform.Content.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InterventionTargetGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TargetGroups",
                table: "Items",
                type: "integer",
                maxLength: 40,
                nullable: true,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TargetGroups",
                table: "Items");
        }
    }
}
