import { undocumentedValidation } from '@promo/platform/testing';
import { AddedCodesQuery } from '../codes/dto/added-codes.query';
import { CreateSharedCodeDto } from '../codes/dto/create-shared-code.dto';
import { GenerateCodesDto } from '../generation/dto/generate-codes.dto';
import { CreateGroupDto } from '../groups/dto/create-group.dto';
import { DeleteGroupQuery } from '../groups/dto/delete-group.query';
import { UpdateGroupDto } from '../groups/dto/update-group.dto';
import { IssueBatchDto } from '../issuing/dto/issue-batch.dto';
import { IssueCodeDto } from '../issuing/dto/issue-code.dto';
import { PageQuery } from '../issuing/dto/page.query';
import { RegisterSharedCodesDto } from '../promotions/dto/register-shared-codes.dto';
import { UploadCodesDto } from '../upload/dto/upload-codes.dto';

// #24: each request body and query of code-inventory is described in its OpenAPI document with the limits its
// class-validator rules enforce: the rules are the source, and this fails when a description leaves one out.
describe('code-inventory request descriptions', () => {
  const DTOS = [AddedCodesQuery, CreateSharedCodeDto, GenerateCodesDto, CreateGroupDto, DeleteGroupQuery, UpdateGroupDto, IssueBatchDto, IssueCodeDto, PageQuery, RegisterSharedCodesDto, UploadCodesDto];

  it.each(DTOS.map((dto) => [dto.name, dto] as const))('%s states every limit its validator enforces', (_name, dto) => {
    expect(undocumentedValidation(dto)).toEqual([]);
  });
});
