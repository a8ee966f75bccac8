import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { RequiresScope, ApiProblemResponses } from '@promo/platform';
import { CODE_GROUP_EXAMPLE, DELETED_GROUP_EXAMPLE, GROUP_LIST_EXAMPLE } from '../docs/code-api.examples';
import { CODE_GROUP_SCHEMA, DELETED_GROUP_SCHEMA, GROUP_LIST_SCHEMA } from '../docs/code-api.schemas';
import type { CodeGroup } from './code-group';
import { CreateGroupDto } from './dto/create-group.dto';
import { DeleteGroupQuery } from './dto/delete-group.query';
import { UpdateGroupDto } from './dto/update-group.dto';
import { GroupsService } from './groups.service';

@Controller('v1/groups')
@RequiresScope('admin')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @ApiProblemResponses(400, 409, 413)
  @ApiCreatedResponse({ description: 'the group, empty', schema: CODE_GROUP_SCHEMA, example: { ...CODE_GROUP_EXAMPLE, total: 0, available: 0, issued: 0, redeemed: 0, updatedAt: CODE_GROUP_EXAMPLE.createdAt } })
  @Post()
  create(@Body() body: CreateGroupDto): Promise<CodeGroup> {
    return this.groups.create(body);
  }

  @ApiOkResponse({ description: 'every group with its balances, by groupId', schema: GROUP_LIST_SCHEMA, example: GROUP_LIST_EXAMPLE })
  @Get()
  async list(): Promise<{ readonly groups: readonly CodeGroup[] }> {
    return { groups: await this.groups.list() };
  }

  @ApiProblemResponses(400, 404)
  @ApiOkResponse({ description: 'the group with its balances', schema: CODE_GROUP_SCHEMA, example: CODE_GROUP_EXAMPLE })
  @Get(':groupId')
  get(@Param('groupId') groupId: string): Promise<CodeGroup> {
    return this.groups.get(groupId);
  }

  @ApiProblemResponses(400, 404, 409, 413)
  @ApiOkResponse({ description: 'the group as renamed or moved', schema: CODE_GROUP_SCHEMA, example: CODE_GROUP_EXAMPLE })
  @Patch(':groupId')
  update(@Param('groupId') groupId: string, @Body() body: UpdateGroupDto): Promise<CodeGroup> {
    return this.groups.update(groupId, { name: body.name, promotionId: body.promotionId });
  }

  @ApiProblemResponses(400, 404, 409)
  @ApiOkResponse({ description: 'the group is gone, with its codes', schema: DELETED_GROUP_SCHEMA, example: DELETED_GROUP_EXAMPLE })
  @Delete(':groupId')
  delete(@Param('groupId') groupId: string, @Query() query: DeleteGroupQuery): Promise<{ readonly deletedCodes: number }> {
    return this.groups.delete(groupId, query.force ?? false);
  }
}
