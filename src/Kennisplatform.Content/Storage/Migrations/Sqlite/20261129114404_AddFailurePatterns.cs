using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kennisplatform.Content.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddFailurePatterns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FailurePattern_SortOrder",
                table: "Items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Question",
                table: "Items",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WhatHelps",
                table: "Items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseFailurePatterns",
                columns: table => new
                {
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    FailurePatternId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFailurePatterns", x => new { x.CaseId, x.FailurePatternId });
                    table.ForeignKey(
                        name: "FK_CaseFailurePatterns_Items_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseFailurePatterns_Items_FailurePatternId",
                        column: x => x.FailurePatternId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseFailurePatterns_FailurePatternId",
                table: "CaseFailurePatterns",
                column: "FailurePatternId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseFailurePatterns");

            migrationBuilder.DropColumn(
                name: "FailurePattern_SortOrder",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "Question",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "WhatHelps",
                table: "Items");
        }
    }
}
