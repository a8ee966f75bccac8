import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { RequiresScope, ApiProblemResponses } from '@promo/platform';
import type { CodeGroup } from './code-group';
import { CreateGroupDto } from './dto/create-group.dto';
import { DeleteGroupQuery } from './dto/delete-group.query';
import { UpdateGroupDto } from './dto/update-group.dto';
import { GroupsService } from './groups.service';

@Controller('v1/groups')
@RequiresScope('admin')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @ApiProblemResponses(400, 409)
  @Post()
  create(@Body() body: CreateGroupDto): Promise<CodeGroup> {
    return this.groups.create(body);
  }

  @Get()
  async list(): Promise<{ readonly groups: readonly CodeGroup[] }> {
    return { groups: await this.groups.list() };
  }

  @ApiProblemResponses(400, 404)
  @Get(':groupId')
  get(@Param('groupId') groupId: string): Promise<CodeGroup> {
    return this.groups.get(groupId);
  }

  @ApiProblemResponses(400, 404, 409)
  @Patch(':groupId')
  update(@Param('groupId') groupId: string, @Body() body: UpdateGroupDto): Promise<CodeGroup> {
    return this.groups.update(groupId, { name: body.name, promotionId: body.promotionId });
  }

  @ApiProblemResponses(400, 404, 409)
  @Delete(':groupId')
  delete(@Param('groupId') groupId: string, @Query() query: DeleteGroupQuery): Promise<{ readonly deletedCodes: number }> {
    return this.groups.delete(groupId, query.force ?? false);
  }
}
