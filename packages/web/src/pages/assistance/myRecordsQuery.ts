// 我的帮扶对象's second tab, 我写的帮扶记录, keeps its tab and page in the URL (/my?tab=records&page=2),
// so that Back from a household returns to the same page of records.
import { readPaging, writePaging, type Paging } from '../../components/list/paging';
import type { ListCodec } from '../../components/list/useListPage';

export type MyTab = 'households' | 'records';
export const MY_RECORD_PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_MY_RECORD_PAGE_SIZE = 20;

export const myTabOf = (params: URLSearchParams): MyTab => (params.get('tab') === 'records' ? 'records' : 'households');

export const MY_RECORDS_CODEC: ListCodec<Paging> = {
  read: (params) => readPaging(params, MY_RECORD_PAGE_SIZES, DEFAULT_MY_RECORD_PAGE_SIZE),
  write: (s) => writePaging(new URLSearchParams({ tab: 'records' }), s, DEFAULT_MY_RECORD_PAGE_SIZE),
  pageSizes: MY_RECORD_PAGE_SIZES,
};
