// The standard lists of the survey form (household.md, enums.md). The Chinese words are the
// interchange values: they go into JSON, Excel and the database exactly as written here.

export const CATEGORIES = ['低保户', '低保边缘户', '意外致困户'] as const;
export const MODEL_WORKER_TYPES = ['全国劳模', '省部级劳模', '地市级劳模'] as const;
export const GENDERS = ['男', '女'] as const;
export const EDUCATIONS = ['研究生', '大学本科', '大学专科', '中专', '技工学校', '高中', '初中', '小学', '文盲或半文盲'] as const;
export const MEMBER_EDUCATIONS = [...EDUCATIONS, '学龄前'] as const;
export const POLITICAL_STATUSES = ['中共党员', '共青团员', '群众', '民主党派'] as const;
export const MARITAL_STATUSES = ['未婚', '已婚', '离异', '丧偶'] as const;
export const UNIT_NATURES = ['国家机关/事业单位', '国有企业', '非公企业'] as const;
export const MEDICAL_INSURANCES = ['居民医保', '职工医保', '无医保', '公费医疗'] as const;
export const DISABILITY_GRADES = ['无', '一级', '二级', '三级', '四级'] as const;
export const ENTERPRISE_STATUSES = ['正常', '半停产', '停产', '破产'] as const;
export const WORK_STATUSES = ['在岗', '下（待）岗', '病休', '内退'] as const;
export const RELATIONS = ['配偶', '子', '女', '父亲', '母亲', '岳父', '岳母', '公公', '婆婆', '孙子女', '兄弟姐妹', '儿媳', '女婿', '其他'] as const;
export const OCCUPATIONS = ['在职', '灵活就业', '失业', '退休', '务农', '学龄前', '义务教育在校', '非义务教育在校', '丧失劳动能力', '其他'] as const;
export const CAUSES = ['因病', '子女上学', '因意外', '因未就业', '其它'] as const;
/** The boxes of the paper form (二、致困原因): 因病 is printed 因病致困, and so on. */
export const CAUSE_FORM_LABELS: Record<(typeof CAUSES)[number], string> = {
  因病: '因病致困', 子女上学: '子女上学致困', 因意外: '因意外致困', 因未就业: '因未就业致困', 其它: '其它',
};

/** Health is free text; these are offered first (enums.md). `良好` means healthy. */
export const HEALTHY = '良好';
export const COMMON_ILLNESSES = ['癌症', '心血管病', '脑血管病', '尿毒症', '精神病', '肝病', '血液病', '糖尿病', '肿瘤病', '腰颈椎病', '高血压病', '肺病', '一般疾病'] as const;
export const HEALTH_OPTIONS = [HEALTHY, ...COMMON_ILLNESSES] as const;

/** GB/T 3304 in code order 01–56, plus 97 and 98 which the standard also allows. */
export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族', '其他', '外国血统中国籍人士',
] as const;

/** First two digits of an identity number (GB/T 2260 provinces). */
export const PROVINCE_CODES: Record<string, string> = {
  '11': '北京', '12': '天津', '13': '河北', '14': '山西', '15': '内蒙古', '21': '辽宁', '22': '吉林', '23': '黑龙江',
  '31': '上海', '32': '江苏', '33': '浙江', '34': '安徽', '35': '福建', '36': '江西', '37': '山东', '41': '河南',
  '42': '湖北', '43': '湖南', '44': '广东', '45': '广西', '46': '海南', '50': '重庆', '51': '四川', '52': '贵州',
  '53': '云南', '54': '西藏', '61': '陕西', '62': '甘肃', '63': '青海', '64': '宁夏', '65': '新疆', '71': '台湾',
  '81': '香港', '82': '澳门',
};

/** Jingmen's union codes (填表说明 四). Configuration in the database; these are the seed. */
export const JINGMEN_CITY = { code: 'H', name: '荆门市总工会' } as const;
export const JINGMEN_REGIONS = [
  { code: 'H01', name: '京山' },
  { code: 'H02', name: '沙洋' },
  { code: 'H03', name: '钟祥' },
  { code: 'H04', name: '东宝' },
  { code: 'H05', name: '荆门高新区·掇刀区' },
  { code: 'H06', name: '漳河新区' },
  { code: 'H07', name: '屈家岭管理区' },
  { code: 'H08', name: '市直' },
] as const;

/**
 * Lifecycle of a file (issue: two-level review). draft → submitted (by the filer) → unitApproved
 * (the unit union agrees) → filed (the city union agrees); either reviewer may return it to draft.
 * A filed file may be removed (剔除) or exit hardship (脱困); both may come back through review.
 */
export const HOUSEHOLD_STATUSES = ['draft', 'submitted', 'unitApproved', 'filed', 'removed', 'exited'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];
export const HOUSEHOLD_STATUS_LABELS: Record<HouseholdStatus, string> = {
  draft: '草稿',
  submitted: '待单位审核',
  unitApproved: '待市总审核',
  filed: '已建档',
  removed: '已剔除',
  exited: '已脱困',
};
/** Statuses of a file that is still "on the books": one per identity number at a time. */
export const LIVE_STATUSES = ['draft', 'submitted', 'unitApproved', 'filed'] as const;
